# -*- coding: utf-8 -*-
"""New msgids of the helper 'files' (issue 12: bounded visit import) with their 简体中文."""
ZH = {
    'The file is too large: %s MB, at most %s MB. Split it into smaller files.':
        '文件过大：%s MB，最多 %s MB。请拆分为较小的文件。',
    'The file has more than %s rows (row %s): at most %s rows per file. Split it, or delete the empty rows '
    'below your data.':
        '文件超过 %s 行（第 %s 行）：每个文件最多 %s 行。请拆分文件，或删除数据下方的空行。',
    'Row %s has a cell in column %s: at most %s columns. Delete the columns right of your data.':
        '第 %s 行在 %s 列有单元格：最多 %s 列。请删除数据右侧的列。',
    'Row %s is written in UTF-8 but row %s in GBK/GB18030: save the whole file in one encoding, as CSV UTF-8 '
    'or XLSX.':
        '第 %s 行是 UTF-8 编码，而第 %s 行是 GBK/GB18030 编码：请将整个文件保存为同一种编码（CSV UTF-8 或 XLSX）。',
    'Workbooks with macros (%s) are refused: save the file as an Excel Workbook (.xlsx).':
        '不接受含宏的工作簿（%s）：请另存为 Excel 工作簿（.xlsx）。',
    'The XLSX file has %s parts: at most %s.':
        'XLSX 文件包含 %s 个部件：最多 %s 个。',
    'The XLSX file unpacks to %s MB: at most %s MB. Split it into smaller files.':
        'XLSX 文件解压后为 %s MB：最多 %s MB。请拆分为较小的文件。',
    'The first sheet of the workbook is not a table of rows.':
        '工作簿的第一个工作表不是数据表。',
    'The XLSX shared strings unpack to %s MB: at most %s MB.':
        'XLSX 共享字符串解压后为 %s MB：最多 %s MB。',
    'Row %s, column %s: a cell of more than %s characters.':
        '第 %s 行 %s 列：单元格超过 %s 个字符。',
    'The file holds more than %s characters of text: split it into smaller files.':
        '文件包含超过 %s 个字符的文本：请拆分为较小的文件。',
    'Column "%s" appears twice in the header (columns %s and %s): keep one.':
        '表头中“%s”列出现了两次（第 %s 列和第 %s 列）：请只保留一列。',
    'Row %s has more than %s separators: at most %s columns.':
        '第 %s 行的分隔符超过 %s 个：最多 %s 列。',
    'The file is not a valid CSV table (row %s): %s':
        '文件不是有效的 CSV 表格（第 %s 行）：%s',
    'The XLSX part %s unpacks %s times bigger than it is stored: at most %s times. Save the file again from Excel.':
        'XLSX 部件 %s 解压后是压缩大小的 %s 倍：最多 %s 倍。请在 Excel 中重新保存该文件。',
    'The XLSX part %s unpacks to %s MB: at most %s MB.':
        'XLSX 部件 %s 解压后为 %s MB：最多 %s MB。',
    'The workbook has no sheet.':
        '工作簿中没有工作表。',
    'Row %s: a cell of more than %s characters.':
        '第 %s 行：单元格超过 %s 个字符。',
    'Row %s has %s cells but the header only %s: remove the cells right of the last column.':
        '第 %s 行有 %s 个单元格，但表头只有 %s 列：请删除最后一列右侧的单元格。',
    'Row %s holds a NUL character (column %s): the file is damaged or not text; save it again as CSV UTF-8 '
    'or XLSX.':
        '第 %s 行含有 NUL 字符（第 %s 列）：文件已损坏或不是文本文件；请重新保存为 CSV UTF-8 或 XLSX。',
}
