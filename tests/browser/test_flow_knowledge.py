"""Knowledge (issue 16, M1) in the browser: a salesperson working in 简体中文 searches 投标 in the
knowledge search and finds it inside the Chinese product documents; the demo salesperson opens
the bid being prepared on the Suzhou opportunity (deadline, checklist, bond) in English."""


def chinese_salesperson(admin, token):
    login = 'knowzh-%s' % token.lower()
    group_ids = [admin('ir.model.data', 'xmlid_to_res_id', xmlid) for xmlid in
                 ('base.group_user', 'sales_mis.group_salesperson')]
    admin('res.users', 'create', {
        'name': '%s 销售' % token, 'login': login, 'password': login, 'lang': 'zh_CN', 'tz': 'Asia/Shanghai',
        'groups_id': [(6, 0, group_ids)]})
    return login


def test_knowledge_search_in_chinese(web, admin, server, token, viewport):
    login = chinese_salesperson(admin, token)
    w = web(login)
    w.app()
    w.menu('sales_mis_knowledge.menu_knowledge_search')
    w.fill('query', '投标')
    w.page.locator('.o_form_view button[name="action_search"]').first.click()
    w.idle()
    # rows on a desktop, cards on a phone
    w.page.locator('.o_field_one2many[name="result_ids"] tr.o_data_row, '
                   '.o_field_one2many[name="result_ids"] .o_kanban_record').first.wait_for()
    listed = w.text()
    assert 'CP-80 节能产品认证证书' in listed, listed[:2000]   # 投标 inside 政府采购投标文件
    assert '产品资料' in listed, listed[:2000]                 # the kind, translated
    assert '苏州工厂扩建水泵采购招标' not in listed, 'another salesperson\'s bid'
    w.shot('knowledge-search-zh')


def test_bid_on_the_opportunity(web, viewport):
    w = web('salesperson')
    w.app()
    w.menu('sales_mis_knowledge.menu_bids', 'Bids')
    w.open_record('苏州工厂扩建水泵采购招标')
    assert w.status() == 'Preparing'
    text = w.text()
    assert 'Document Checklist' in text and '1 / 5' in text, text[:2000]
    w.shot('bid-preparing')
