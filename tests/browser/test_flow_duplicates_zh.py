"""A sales manager working in 简体中文 finds duplicate customers (issue 19): the scan pairs a
customer written with its city first and in simplified characters with the same company written
in traditional characters with the city in brackets, the review list shows the pair with its
reasons, and typing a third spelling on a new customer warns "possible duplicate" before saving."""

#: hexadecimal digits of the run's token as Chinese characters, so each run's company is new
DIGITS = dict(zip('0123456789abcdef', '零壹贰叁肆伍陆柒捌玖甲乙丙丁戊己'))


def chinese_manager(admin, token):
    login = 'dupzh-%s' % token.lower()
    group_ids = [admin('ir.model.data', 'xmlid_to_res_id', xmlid) for xmlid in
                 ('base.group_user', 'sales_mis.group_manager')]
    admin('res.users', 'create', {
        'name': '%s 经理' % token, 'login': login, 'password': login, 'lang': 'zh_CN', 'tz': 'Asia/Shanghai',
        'sale_team_id': 4, 'groups_id': [(6, 0, group_ids)]})
    return login


def test_duplicates_in_chinese(web, admin, server, token, viewport):
    core = '华' + ''.join(DIGITS[c] for c in token[-6:].lower())
    first = '杭州市%s电子科技有限公司' % core
    second = '%s電子科技（杭州）有限公司' % core
    for name in (first, second):
        admin('res.partner', 'create', {'name': name, 'customer': True, 'is_company': True, 'team_id': 4})
    login = chinese_manager(admin, token)
    manager = server.login(login)
    manager('sales_mis.partner.duplicate', 'action_scan')

    w = web(login)
    w.app()
    # the review list: the pair, its reasons in Chinese
    w.menu('sales_mis.menu_sales_mis_duplicates')
    w.search(core)
    listed = w.text()
    assert first in listed and second in listed, listed[:2000]
    assert '名称' in listed, listed[:2000]  # the reasons, translated
    w.shot('duplicate-list-zh')

    # a new customer under a third spelling: warned before saving
    w.menu('sales_mis.menu_sales_mis_partners')
    w.create()
    name_input = w.field('name')
    name_input = name_input if name_input.evaluate("e => e.tagName === 'INPUT'") else name_input.locator('input').first
    name_input.fill('%s電子科技有限公司' % core)
    name_input.press('Tab')
    dialog = w.page.locator('.modal-dialog:visible').last
    dialog.wait_for()
    warning = dialog.inner_text()
    assert '可能重复' in warning and (first in warning or second in warning), warning
    w.shot('duplicate-warning-zh')
