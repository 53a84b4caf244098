# -*- coding: utf-8 -*-
"""The pure cores (dealer_logic/): stock health, upload validation, grading, rebates."""
import ast
import os
import unittest
from decimal import Decimal

from ..dealer_logic import grading, rebate, stock_health, stock_upload

LOGIC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'dealer_logic')


class TestPurity(unittest.TestCase):

    def test_no_odoo_import(self):
        for name in sorted(os.listdir(LOGIC)):
            if name.endswith('.py'):
                with open(os.path.join(LOGIC, name)) as source:
                    tree = ast.parse(source.read())
                for node in ast.walk(tree):
                    modules = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                        [node.module or ''] if isinstance(node, ast.ImportFrom) else []
                    self.assertFalse([m for m in modules if m.split('.')[0] == 'odoo'], name)


class TestStockHealth(unittest.TestCase):

    def test_sell_through_and_cover(self):
        self.assertEqual(stock_health.sell_through(40, 60, 35), 65)
        self.assertAlmostEqual(stock_health.days_of_cover(35, 65, 30), 35 / (65 / 30.0))
        self.assertEqual(stock_health.days_of_cover(0, 10, 30), 0.0)
        self.assertIsNone(stock_health.days_of_cover(10, 0, 30))
        with self.assertRaises(ValueError):
            stock_health.days_of_cover(1, 1, 0)

    def test_status(self):
        self.assertEqual(stock_health.stock_status(5, 10, 60), stock_health.LOW)
        self.assertEqual(stock_health.stock_status(10, 10, 60), stock_health.OK)
        self.assertEqual(stock_health.stock_status(60, 10, 60), stock_health.OK)
        self.assertEqual(stock_health.stock_status(61, 10, 60), stock_health.OVER)
        self.assertEqual(stock_health.stock_status(None, 10, 60), stock_health.OVER)
        with self.assertRaises(ValueError):
            stock_health.stock_status(5, 60, 60)
        self.assertEqual(stock_health.health_share(['ok', 'low', 'ok', 'over']), 0.5)
        self.assertIsNone(stock_health.health_share([]))


class TestUploadValidation(unittest.TestCase):

    PRODUCTS = stock_upload.product_index([(1, 'P1', 'Pump'), (2, 'V1', 'Valve'), (3, None, 'Valve')])

    def rows(self, *cells):
        return stock_upload.rows_by_column([(n + 2, list(c)) for n, c in enumerate(cells)],
                                           stock_upload.header_positions(stock_upload.COLUMNS))

    def test_valid_rows(self):
        lines, errors = stock_upload.validate(self.rows(['P1', '10', '5', '3'], ['pump2', '', '', '']), {})
        self.assertEqual(lines, {})
        lines, errors = stock_upload.validate(self.rows(['p1', '1,000', '5', '3'], ['', '', '', '']), self.PRODUCTS)
        self.assertEqual(errors, [])
        self.assertEqual(lines, {1: (1000.0, 5.0, 3.0)})

    def test_every_error_with_its_row(self):
        lines, errors = stock_upload.validate(self.rows(
            ['P1', '1', '1', '5'],          # 2: closing above what the dealer had
            ['nothing', '1', '1', '1'],     # 3: unknown product
            ['Valve', '1', '1', '1'],       # 4: two products of that name
            ['V1', '-1', 'x', '1'],         # 5: not quantities
            ['', '1', '1', '1'],            # 6: no product
            ['V1', '2', '0', '1'],          # 7: fine
            ['v1', '2', '0', '1'],          # 8: already on row 7
        ), self.PRODUCTS)
        self.assertEqual([number for number, _t, _a in errors], [2, 3, 4, 5, 6, 8])
        self.assertEqual(lines, {2: (2.0, 0.0, 1.0)})
        self.assertIn('opening, received', errors[3][1] % errors[3][2])

    def test_header_and_echo(self):
        with self.assertRaises(stock_upload.UploadError):
            stock_upload.header_positions(['product', 'opening', 'closing'])
        _lines, errors = stock_upload.validate(self.rows(['x' * 5000, '1', '1', '1']), self.PRODUCTS)
        self.assertLessEqual(len(errors[0][2][0]), stock_upload.ECHO_CHARS)
        self.assertEqual(stock_upload.validate([], {})[1][0][0], 1)
        self.assertIsNone(stock_upload.parse_quantity('nan'))
        self.assertIsNone(stock_upload.parse_quantity('1e12'))


class TestGrading(unittest.TestCase):

    WEIGHTS = grading.Weights(sales=40, growth=20, payment=20, stock=20)
    GRADES = [(85, 'A'), (70, 'B'), (50, 'C'), (0, 'D')]

    def test_growth(self):
        self.assertAlmostEqual(grading.growth(125, 100), 0.25)
        self.assertIsNone(grading.growth(10, 0))

    def test_scores_grades_and_ranks(self):
        result = grading.grade_dealers({
            'best': grading.Measures(1000, 500, 1.0, 1.0),
            'twin': grading.Measures(1000, 500, 1.0, 1.0),
            'new': grading.Measures(200, 0, None, None),
            'bad': grading.Measures(100, 400, 0.2, 0.0),
        }, self.WEIGHTS, self.GRADES)
        self.assertEqual(result['best'][0], 40 + 0.2 * 100 + 20 + 20)  # growth +100 % -> 100
        self.assertEqual(result['best'][1], 'A')
        self.assertEqual((result['best'][2], result['twin'][2], result['new'][2], result['bad'][2]), (1, 1, 3, 4))
        self.assertEqual(result['new'][3]['payment'], grading.NEUTRAL)
        self.assertEqual(result['bad'][1], 'D')

    def test_configuration_errors(self):
        with self.assertRaises(ValueError):
            grading.weighted_score({'sales': 1, 'growth': 1, 'payment': 1, 'stock': 1}, grading.Weights(0, 0, 0, 0))
        with self.assertRaises(ValueError):
            grading.grade_for(50, [(10, 'A'), (10, 'B')])
        self.assertIsNone(grading.grade_for(5, [(10, 'A')]))


class TestRebate(unittest.TestCase):

    def test_amount(self):
        self.assertEqual(rebate.rebate_amount(12345.67, 3), Decimal('370.37'))
        self.assertEqual(rebate.rebate_amount(-100, 3), Decimal('0'))
        self.assertEqual(rebate.rebate_amount(0.5, 1), Decimal('0.01'))  # half up
