# -*- coding: utf-8 -*-
"""New strings of the workflow mechanism on orders, plans, contracts and schedules (helper wforders)."""
ZH = {
    # sale_order_approval.py
    'It was approved, but the order has changed since: request approval again.':
        '该订单曾获审核，但此后已被修改：请重新申请审核。',
    'Approval withdrawn: the order changed after it was approved (customer, salesperson, team, '
    'lines, prices, discounts, taxes or total).':
        '审核已失效：审核后订单有改动（客户、销售员、团队、明细行、单价、折扣、税或总额）。',
    'Approved Terms': '审核时的订单条款',
    'Digest of what was approved (customer, salesperson, team, currency, total and lines); any change voids '
    'the approval.':
        '审核时订单内容（客户、销售员、团队、币种、总额和明细行）的摘要；任何改动都会使审核失效。',
    'Needs approval and has no valid one (none yet, rejected, or the order changed since).':
        '需要审核但没有有效的审核（尚未审核、已被驳回，或审核后订单有改动）。',
    # workflow_mixin.py (the mechanism's messages, not yet in zh_CN.po)
    '%s in status "%s" can no longer be changed (%s). Use its buttons to move it on, or ask for it to be '
    'sent back.':
        '%s（状态：“%s”）不能再修改（%s）。请使用其按钮推进流程，或请求退回。',
    '%s of a %s change only through its workflow buttons (Submit, Approve, ...), not by editing.':
        '%s（属于%s）只能通过流程按钮（提交、审批……）更改，不能直接编辑。',
    '%s in status "%s" cannot be deleted.': '%s（状态：“%s”）不能删除。',
}
