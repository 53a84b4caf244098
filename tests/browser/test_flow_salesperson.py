"""Salesperson's day in the web client: log a customer visit with a next step, see the
to-do it made, create an opportunity, make a quotation and confirm it into a sales order."""
from .conftest import today_us


def test_salesperson_flow(web, admin, token, viewport):
    sp = admin('res.users', 'search', [('login', '=', 'salesperson')])[0]
    customer_name = '%s Customer' % token
    customer = admin('res.partner', 'create', {
        'name': customer_name, 'customer': True, 'is_company': True, 'user_id': sp, 'team_id': 4,
        'email': '%s@example.com' % token.lower()})
    product_name = '%s Installation' % token  # a service: no stock warning
    admin('product.product', 'create', {'name': product_name, 'type': 'service', 'list_price': 25.0,
                                        'sale_ok': True})

    w = web('salesperson')
    w.app()
    w.shot('sales-mis-home')

    # 1. log a visit with a next step (Sales MIS > Customers > Customer Visits)
    w.menu('sales_mis.menu_sales_mis_visits', 'Customer Visits')
    w.switch_view('list')
    w.create()
    visit_name = '%s quarterly review' % token
    next_step = '%s send the revised quotation' % token
    w.fill('name', visit_name)
    w.many2one('partner_id', customer_name)
    w.fill('purpose', 'Review of the yearly volume')
    w.fill('next_step', next_step)
    w.fill_date('next_step_date', today_us(3))
    w.shot('visit-filled')
    w.save()
    # the next step became a to-do in the visit's chatter
    activities = w.page.locator('.o_mail_activity', has_text=next_step)
    activities.wait_for()
    shown = activities.inner_text()
    assert 'Planned activities' in shown and 'Due in 3 days' in shown and 'Li Na' in shown, shown
    w.shot('visit-saved-with-todo')
    w.button('Mark Done')
    w.wait_status('Done')
    w.shot('visit-done')

    visits = admin('sales_mis.visit', 'search_read', [('name', '=', visit_name)],
                   ['partner_id', 'user_id', 'state', 'next_step'])
    assert len(visits) == 1, visits
    assert visits[0]['partner_id'][0] == customer and visits[0]['user_id'][0] == sp
    assert visits[0]['state'] == 'done' and visits[0]['next_step'] == next_step
    todos = admin('mail.activity', 'search_read', [('res_model', '=', 'sales_mis.visit'),
                                                   ('res_id', '=', visits[0]['id'])],
                  ['summary', 'user_id', 'date_deadline'])
    assert [(t['summary'], t['user_id'][0]) for t in todos] == [(next_step, sp)], todos

    # 2. create an opportunity for the customer (Customers > Opportunities)
    w.menu('sales_mis.menu_sales_mis_opportunities', 'Opportunities')
    w.switch_view('list')
    w.create()
    lead_name = '%s 40 servers' % token
    w.fill('name', lead_name)
    w.many2one('partner_id', customer_name)
    w.fill('planned_revenue', '12000')
    w.shot('opportunity-filled')
    w.save()
    assert lead_name in w.text('.o_form_view .oe_title')
    w.shot('opportunity-saved')
    leads = admin('crm.lead', 'search_read', [('name', '=', lead_name)],
                  ['type', 'partner_id', 'user_id', 'planned_revenue'])
    assert len(leads) == 1 and leads[0]['type'] == 'opportunity', leads
    assert leads[0]['partner_id'][0] == customer and leads[0]['user_id'][0] == sp
    assert leads[0]['planned_revenue'] == 12000

    # 3. a quotation for the customer, confirmed into a sales order (Orders > Quotations)
    w.menu('sales_mis.menu_sales_mis_quotations', 'Quotations')
    w.switch_view('list') if w.page.locator('.o_cp_switch_buttons button[data-view-type="list"]').count() else None
    w.create()
    w.many2one('partner_id', customer_name)
    row = w.add_line('order_line')
    product = row.locator('.o_field_widget[name="product_id"] input').first
    product.fill(product_name)
    w.pick(product_name)
    qty = row.locator('input.o_field_widget[name="product_uom_qty"]').first
    qty.fill('4')
    qty.press('Tab')
    w.idle()
    if viewport == 'phone':  # the line was edited in a dialog
        w.shot('quotation-line-dialog')
        w.dialog_button('Save & Close')
        w.page.wait_for_selector('.modal:visible', state='detached')
    w.shot('quotation-filled')
    w.save()
    order_name = w.text('.o_form_view .oe_title h1').strip()
    w.wait_status('Quotation')
    assert 'needs a manager' not in w.text('.o_form_view')
    w.button('Confirm Sale')
    w.wait_status('Sales Order')
    w.shot('order-confirmed')
    orders = admin('sale.order', 'search_read', [('partner_id', '=', customer)],
                   ['name', 'state', 'user_id', 'amount_untaxed'])
    assert len(orders) == 1, orders
    assert orders[0]['name'] == order_name and orders[0]['state'] == 'sale', orders
    assert orders[0]['user_id'][0] == sp and orders[0]['amount_untaxed'] == 100.0, orders
