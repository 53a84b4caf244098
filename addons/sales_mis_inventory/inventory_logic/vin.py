# -*- coding: utf-8 -*-
"""Vehicle identification numbers (VIN, 车辆识别代号): 17 characters of digits and capital
letters without I, O and Q (ISO 3779), the 9th a check digit (GB 16735 in China, as in North
America): the weighted sum of the transliterated characters modulo 11, 10 written X."""

LENGTH = 17
_VALUES = dict(zip('0123456789', range(10)))
_VALUES.update(zip('ABCDEFGH', range(1, 9)))
_VALUES.update(zip('JKLMN', range(1, 6)))
_VALUES.update({'P': 7, 'R': 9})
_VALUES.update(zip('STUVWXYZ', range(2, 10)))
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def normalise(text):
    """The VIN as it is stored: spaces removed, upper case."""
    return ''.join((text or '').split()).upper()


def check_digit(vin):
    """The check character ('0'-'9' or 'X') of a 17-character VIN."""
    # the 9th character weighs 0: it may be anything (a placeholder) while computing
    total = sum(_VALUES[char] * weight for char, weight in zip(vin, _WEIGHTS) if weight)
    remainder = total % 11
    return 'X' if remainder == 10 else str(remainder)


def vin_problem(text):
    """None when `text` is a valid VIN, else (problem, detail) for a translated message:
    ('length', number of characters), ('characters', the wrong ones joined by spaces) or
    ('check', (9th character, expected check character))."""
    vin = normalise(text)
    if len(vin) != LENGTH:
        return 'length', len(vin)
    wrong = sorted(set(char for char in vin if char not in _VALUES))
    if wrong:
        return 'characters', ' '.join(wrong)
    expected = check_digit(vin)
    if vin[8] != expected:
        return 'check', (vin[8], expected)
    return None


def with_check_digit(text):
    """`text` (17 characters) with its 9th character replaced by the right check digit."""
    vin = normalise(text)
    return vin[:8] + check_digit(vin) + vin[9:]
