# -*- coding: utf-8 -*-
"""The text of an uploaded document file, for the search. Odoo's own attachment index keeps
only ASCII runs of text files, which loses every Chinese word, so text files are decoded here
(UTF-8, else GB18030, the Chinese Windows encoding) and Word .docx files are read from their
document part, within limits. Other files give no text (their title and description are still
searched). Pure."""
import html
import io
import re
import zipfile

#: largest upload accepted, bytes
MAX_FILE_BYTES = 20 * 1024 * 1024
#: largest unpacked .docx document part read, bytes
MAX_DOCX_PART_BYTES = 40 * 1024 * 1024
#: text kept per version, characters
MAX_TEXT_CHARS = 100000

TEXT_EXTENSIONS = ('.txt', '.csv', '.md', '.text', '.log')
_TAG = re.compile(r'<[^>]+>')
_PARAGRAPH_END = re.compile(r'</w:p>')


def decode_text(data):
    """Bytes of a text file as text: UTF-8 (with or without BOM), else GB18030 (a superset of
    GBK and GB2312), else UTF-8 with replacement characters."""
    for encoding in ('utf-8-sig', 'gb18030'):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode('utf-8', 'replace')


def docx_text(data, max_part=MAX_DOCX_PART_BYTES):
    """The paragraphs of a .docx file (word/document.xml), or '' when the file is not a readable
    .docx or its document part is larger than `max_part` once unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo('word/document.xml')
            if info.file_size > max_part:
                return ''
            with archive.open(info) as part:
                xml = part.read(max_part + 1)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, EOFError):
        return ''
    if len(xml) > max_part:
        return ''
    text = _PARAGRAPH_END.sub('\n', xml.decode('utf-8', 'replace'))
    return html.unescape(_TAG.sub('', text))


def file_text(data, file_name, mimetype=None, limit=MAX_TEXT_CHARS):
    """The searchable text of a file, cut to `limit` characters ('' when none can be read)."""
    name = (file_name or '').lower()
    if (mimetype or '').startswith('text/') or name.endswith(TEXT_EXTENSIONS):
        text = decode_text(data)
    elif name.endswith('.docx'):
        text = docx_text(data)
    else:
        text = ''
    return text.replace('\x00', '')[:limit]
