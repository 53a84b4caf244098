# -*- coding: utf-8 -*-
from . import product_document_upload
from . import knowledge_search
