"""Sales manager in the web client: approve a plan a salesperson submitted, approve an
order waiting for approval, merge two duplicate customers, open the team's scorecard."""


def submitted_plan(admin, server, token):
    """A plan for the salesperson and a category of its own (so it overlaps no approved plan),
    submitted (salespeople cannot create plans: the admin makes it)."""
    salesperson = server.login('salesperson')
    categ = admin('product.category', 'create', {'name': '%s Category' % token})
    name = '%s Plan' % token
    plan = admin('sales_mis.plan', 'create', {
        'name': name, 'period_type': 'year', 'year': 2026, 'scope': 'salesperson',
        'team_id': 4, 'user_id': salesperson.uid, 'categ_id': categ, 'target_amount': 120000.0})
    admin('sales_mis.plan', 'action_submit', [plan])
    assert admin('sales_mis.plan', 'read', [plan], ['state'])[0]['state'] == 'submitted'
    return plan, name


def order_waiting_for_approval(admin, server, token):
    """A quotation over the approval threshold of the company (50,000), approval requested."""
    salesperson = server.login('salesperson')
    customer_name = '%s Big Buyer' % token
    customer = admin('res.partner', 'create', {'name': customer_name, 'customer': True, 'is_company': True,
                                               'user_id': salesperson.uid, 'team_id': 4,
                                               'email': '%s-big@example.com' % token.lower()})
    product = admin('product.product', 'create', {'name': '%s Server Rack' % token, 'type': 'service',
                                                  'list_price': 60000.0, 'sale_ok': True})
    order = salesperson('sale.order', 'create', {
        'partner_id': customer, 'team_id': 4,
        'order_line': [(0, 0, {'product_id': product, 'product_uom_qty': 1, 'price_unit': 60000.0})]})
    salesperson('sale.order', 'action_request_approval', [order])
    name = salesperson('sale.order', 'read', [order], ['name'])[0]['name']
    return order, name, customer_name


def duplicate_pair(admin, token):
    sp = admin('res.users', 'search', [('login', '=', 'salesperson')])[0]
    name = '%s Duplicate Ltd' % token
    values = {'name': name, 'customer': True, 'is_company': True, 'user_id': sp, 'team_id': 4,
              'email': '%s-dup@example.com' % token.lower()}
    a = admin('res.partner', 'create', dict(values))
    b = admin('res.partner', 'create', dict(values, phone='+86 21 5555 0101'))
    admin('sales_mis.partner.duplicate', 'create', {
        'partner_a_id': min(a, b), 'partner_b_id': max(a, b), 'score': 95.0, 'reasons': 'E-mail, Name',
        'state': 'new', 'user_id': sp, 'team_id': 4, 'company_id': 1})
    return [a, b], name


def test_manager_flow(web, admin, server, token, viewport):
    plan, plan_name = submitted_plan(admin, server, token)
    order, order_name, buyer = order_waiting_for_approval(admin, server, token)
    partners, duplicate_name = duplicate_pair(admin, token)
    manager = admin('res.users', 'search', [('login', '=', 'manager')])[0]

    w = web('manager')
    w.app()

    # 1. approve the submitted plan (Planning > Sales Plans)
    w.open_plan(plan_name, 'Submitted')
    w.shot('plan-submitted')
    w.button('Approve')
    w.wait_status('Approved')
    w.shot('plan-approved')
    state = admin('sales_mis.plan', 'read', [plan], ['state', 'approved_by_id'])[0]
    assert state['state'] == 'approved' and state['approved_by_id'][0] == manager, state

    # 2. approve the order waiting for approval (Orders > Orders to Approve)
    w.menu('sales_mis.menu_sales_mis_orders_to_approve', 'Orders to Approve')
    w.open_record(order_name)
    assert "needs a manager's approval" in w.text('.o_form_view')
    w.shot('order-waiting')
    w.button('Approve or Reject')
    w.page.wait_for_selector('.modal:visible .o_form_view')
    w.idle()
    assert 'above the approval threshold' in w.dialog().inner_text()
    w.fill('comment', 'OK for the rack, %s' % token)
    w.shot('order-decision')
    w.dialog_button('Submit')
    w.page.wait_for_selector('.modal:visible', state='detached')
    w.page.locator('.o_form_view .alert-success', has_text='Approved').wait_for()
    w.shot('order-approved')
    approval = admin('sale.order', 'read', [order], ['approval_state', 'approval_user_id', 'state'])[0]
    assert approval['approval_state'] == 'approved' and approval['approval_user_id'][0] == manager, approval
    assert approval['state'] in ('draft', 'sent'), 'the salesperson confirms it, not the approval'

    # 3. merge the two duplicate customers (Customers > Duplicate Customers, Odoo's merge wizard)
    w.menu('sales_mis.menu_sales_mis_duplicates', 'Duplicate Customers')
    w.open_record(duplicate_name)
    w.shot('duplicate-pair')
    w.button('Merge')
    w.page.wait_for_selector('.modal:visible .o_form_view')
    w.idle()
    assert duplicate_name in w.dialog().inner_text()
    w.shot('merge-wizard')
    w.dialog_button('Merge Contacts')
    w.dialog().get_by_role('button', name='Close', exact=True).wait_for()  # the wizard's last screen
    w.shot('merge-finished')
    w.dialog_button('Close')
    left = admin('res.partner', 'search_read', [('name', '=', duplicate_name), ('active', 'in', [True, False])],
                 ['id', 'email', 'phone'])
    assert len(left) == 1 and left[0]['id'] in partners, left
    assert left[0]['phone'] == '+86 21 5555 0101', 'the merge keeps the values of both'

    # 4. the scorecard of the period (Performance > Scorecards)
    w.menu('sales_mis.menu_sales_mis_scorecards', 'Scorecards')
    w.open_record('2026 Q1')
    rows = w.page.locator('.o_form_view .o_field_one2many[name="line_ids"] .o_data_row, '
                          '.o_form_view .o_field_one2many[name="line_ids"] .o_kanban_record:not(.o_kanban_ghost)')
    # the manager sees the lines of the team he leads (record rules), as over XML-RPC
    lines = server.login('manager')('sales_mis.scorecard.line', 'search_count', [('scorecard_id.name', '=', '2026 Q1')])
    assert lines
    rows.nth(lines - 1).wait_for()
    assert rows.count() == lines, (rows.count(), lines)
    # each row (a card on a phone) names its salesperson
    people = server.login('manager')('sales_mis.scorecard.line', 'search_read',
                                     [('scorecard_id.name', '=', '2026 Q1')], ['user_id'])
    shown = w.text('.o_form_view .o_field_one2many[name="line_ids"]')
    assert all(line['user_id'][1] in shown for line in people), (people, shown)
    assert '2026 Q1' in w.text('.o_form_view .oe_title')
    w.shot('scorecard')
