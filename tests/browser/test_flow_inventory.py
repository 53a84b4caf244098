"""进销存 in the web client (inventory addon): a sales manager opens the stock in/out summary
pivot and downloads the 进销存汇总表 (the file is opened and rendered for its screenshot); a
salesperson traces the VINs of their own orders and does not see a colleague's."""
import html
import io
import os

import openpyxl

SHOTS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                     '.runtime', 'screenshots', 'flows')
OWN_VIN = 'LEFYECG22KHN00101'      # demo: sold by the salesperson (East China)
OTHER_VIN = 'LEFYECG24KHN00102'    # demo: sold by the demo user (North China)


def sheet_as_html(data, rows=12):
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    body = ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % html.escape('' if cell is None else str(cell))
                                           for cell in row[:12])
                   for row in sheet.iter_rows(max_row=rows, values_only=True))
    return ('<html><body style="font-family: sans-serif; font-size: 12px"><p>%s (XLSX opened with openpyxl)</p>'
            '<table border="1" cellspacing="0" cellpadding="3">%s</table></body></html>'
            % (html.escape(sheet.title), body))


def test_inventory_flow(web, viewport):
    w = web('manager')
    w.app()
    w.menu('sales_mis_inventory.menu_inventory_summary', 'Stock In/Out Summary')
    w.page.wait_for_selector('.o_view_manager_content .o_pivot:visible')
    w.idle()
    assert '离心泵' in w.text(), 'the demo pump category is a row of the pivot'
    w.shot('inventory-summary-pivot')

    w.menu('sales_mis_inventory.menu_inventory_summary_xlsx')
    w.page.wait_for_selector('.modal:visible .o_form_view')
    w.idle()
    assert w.field('refreshed_at').inner_text().strip(), 'the form says when the figures were computed'
    w.shot('inventory-summary-download')
    with w.page.expect_download() as download:
        w.dialog_button('Download XLSX')
    assert download.value.suggested_filename.endswith('.xlsx'), download.value.suggested_filename
    with open(download.value.path(), 'rb') as downloaded:
        data = downloaded.read()
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    cells = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row if cell]
    assert 'Stock In/Out Summary' in cells and any('IS65-50-160' in str(cell) for cell in cells), cells[:40]
    viewer = w.page.context.new_page()
    viewer.set_content(sheet_as_html(data))
    os.makedirs(SHOTS, exist_ok=True)
    viewer.screenshot(path=os.path.join(SHOTS, 'manager-%s-xx-inventory-summary-xlsx-opened.png' % viewport))
    viewer.close()

    s = web('salesperson')
    s.app()
    s.menu('sales_mis_inventory.menu_lot_trace', 'Traceability')
    text = s.text()
    assert OWN_VIN in text and OTHER_VIN not in text, text[:2000]
    s.shot('inventory-trace-own-lots')
    box = s.page.locator('.o_searchview_input')   # by VIN: its receipt and its delivery
    box.click()
    box.type(OWN_VIN)
    s.page.wait_for_selector('.o_searchview_autocomplete:visible li')
    box.press('Enter')
    s.page.wait_for_function("() => document.querySelectorAll('.o_list_view tbody tr.o_data_row').length === 2")
    s.idle()
    s.shot('inventory-trace-by-vin')
    assert '上牌代办服务' in s.text(), 'the registration service sold with the truck shows'
