"""Fixes that restore standard-library behaviour Odoo 11 was written for."""
import base64
import collections
import collections.abc
import inspect
import os
import threading

from .post_import import when_imported


def collections_abc_aliases():
    """Python 3.10 removed `collections.Mapping` & co (used all over `import odoo`)."""
    for name in collections.abc.__all__:
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))


def inspect_getargspec():
    """Python 3.11 removed `inspect.getargspec`/`formatargspec` (odoo.api, tools.cache, http)."""
    ArgSpec = collections.namedtuple('ArgSpec', 'args varargs keywords defaults')

    def getargspec(func):
        spec = inspect.getfullargspec(func)
        return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)

    def formatargspec(args, varargs=None, varkw=None, defaults=None, *_ignored, **_kw):
        # Only the plain form Odoo uses: "(a, b=<default>, *args, **kw)".
        parts = []
        first_default = len(args) - len(defaults or ())
        for index, arg in enumerate(args):
            if defaults and index >= first_default:
                parts.append('%s=%r' % (arg, defaults[index - first_default]))
            else:
                parts.append(arg)
        if varargs:
            parts.append('*' + varargs)
        if varkw:
            parts.append('**' + varkw)
        return '(%s)' % ', '.join(parts)

    if not hasattr(inspect, 'getargspec'):
        inspect.getargspec = getargspec
    if not hasattr(inspect, 'formatargspec'):
        inspect.formatargspec = formatargspec


def base64_encodestring():
    """Python 3.9 removed `base64.encodestring/decodestring` (menu icons, attachments, reports)."""
    if not hasattr(base64, 'encodestring'):
        base64.encodestring = base64.encodebytes
    if not hasattr(base64, 'decodestring'):
        base64.decodestring = base64.decodebytes


def thread_isalive():
    """Python 3.9 removed `Thread.isAlive` (ThreadedServer.stop joins threads with it)."""
    if not hasattr(threading.Thread, 'isAlive'):
        threading.Thread.isAlive = threading.Thread.is_alive


def setrlimit_int():
    """Python 3.10 rejects float limits; prefork workers pass `cpu_time + limit` (a float)
    and die at start, respawning forever."""
    import resource
    original = resource.setrlimit
    if getattr(original, '_odoo_py311', False):
        return

    def setrlimit(which, limits):
        soft, hard = limits
        return original(which, (int(soft), int(hard)))

    setrlimit._odoo_py311 = True
    resource.setrlimit = setrlimit


def yaml_default_loader():
    """PyYAML 6 made `Loader` mandatory; tools/yaml_import calls `yaml.load(text)`
    on the trusted `.yml` data files of the addons (base, stock, stock_account)."""
    def patch(yaml):
        original = yaml.load
        if getattr(original, '_odoo_py311', False):
            return

        def load(stream, Loader=None):
            # FullLoader, the default of PyYAML 5; Odoo's custom tags are
            # registered on it by yaml.add_constructor.
            return original(stream, Loader=Loader or yaml.FullLoader)

        load._odoo_py311 = True
        yaml.load = load
    when_imported('yaml', patch)


def etree_getchildren():
    """Python 3.9 removed `Element.getchildren()`; web's /web/webclient/qweb calls it
    on trees from `xml.etree.ElementTree.parse`, so without it the web client is blank.

    The C Element type takes no new attributes, so the parse functions build a
    subclass that has the method back."""
    from xml.etree import ElementTree

    if hasattr(ElementTree.Element, 'getchildren') or hasattr(ElementTree, '_odoo_py311'):
        return

    class Element(ElementTree.Element):
        __slots__ = ()

        def getchildren(self):
            return list(self)

    def with_factory(parser):
        if parser is None:
            parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(element_factory=Element))
        return parser

    original_parse, original_fromstring = ElementTree.parse, ElementTree.fromstring

    def parse(source, parser=None):
        return original_parse(source, with_factory(parser))

    def fromstring(text, parser=None):
        return original_fromstring(text, with_factory(parser))

    ElementTree.parse = parse
    ElementTree.fromstring = ElementTree.XML = fromstring
    ElementTree._odoo_py311 = True


def pg_extra_float_digits():
    """PostgreSQL 12+ prints floats with shortest-exact digits (0.1+0.2 comes back as
    0.30000000000000004); Odoo 11 expects the old rounded output.  libpq reads
    PGOPTIONS at every connection."""
    option = '-c extra_float_digits=0'
    current = os.environ.get('PGOPTIONS', '')
    if 'extra_float_digits' not in current:
        os.environ['PGOPTIONS'] = ('%s %s' % (current, option)).strip()
