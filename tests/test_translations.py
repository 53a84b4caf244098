"""Every addon ships a template and a complete 简体中文 translation of it."""
import glob
import os

import polib
import pytest

from conftest import ROOT

ADDONS = sorted(os.path.dirname(path) for path in glob.glob(os.path.join(ROOT, 'addons', '*', '__manifest__.py')))


@pytest.mark.parametrize('addon', ADDONS, ids=os.path.basename)
def test_zh_cn_translates_every_template_string(addon):
    name = os.path.basename(addon)
    pot = polib.pofile(os.path.join(addon, 'i18n', '%s.pot' % name))
    po = polib.pofile(os.path.join(addon, 'i18n', 'zh_CN.po'))
    translated = {entry.msgid: entry.msgstr for entry in po if entry.msgstr}
    missing = [entry.msgid for entry in pot if entry.msgid not in translated]
    assert not missing, 'untranslated in %s/i18n/zh_CN.po: %s' % (name, missing)
