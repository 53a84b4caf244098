# -*- coding: utf-8 -*-
"""New strings of the duplicate-detection work (issue 19), to merge into zh_CN.po."""
ZH = {
    'Possible duplicate customer': '可能重复的客户',
    'This customer may already exist: possible duplicate of\n%s\n'
    'Check before saving; a manager can merge duplicates later.':
        '该客户可能已存在，可能与以下客户重复：\n%s\n请在保存前核对；经理之后可以合并重复客户。',
    'Name Key (duplicates)': '名称键（查重）',
    'Company name without places, legal forms and punctuation, in simplified characters: the '
    'blocking key of the duplicate check.':
        '去掉地名、公司类型和标点并转为简体的公司名称：客户查重的分组键。',
    '0-100: equal VAT 100, e-mail 90, name 85, phone 80, +5 per further shared key or clue '
    '(e-mail domain, address); similar names up to 84. Names whose places, numbers or branches '
    'differ are only listed when a VAT, phone or e-mail links them.':
        '0-100：税号相同 100，邮箱 90，名称 85，电话 80，每多一项相同的键或线索（邮箱域名、地址）加 5；'
        '相似名称最多 84。地名、编号或分支机构不同的名称，只有在税号、电话或邮箱相同时才会列出。',
    'VAT': '税号',
    'E-mail': '邮箱',
    'Phone': '电话',
    'Name': '名称',
    'Similar name': '名称相似',
    'Same e-mail domain': '邮箱域名相同',
    'Same address': '地址相同',
    'Same parent company': '上级公司相同',
    'Different place': '地名不同',
    'Different number': '编号不同',
    'Different branch': '分支机构不同',
    'Different VAT': '税号不同',
}
