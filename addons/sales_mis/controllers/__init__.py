# -*- coding: utf-8 -*-
from . import completion_export
from . import statement_export
from . import visit_import_template
from . import competitor_export
from . import report_export
