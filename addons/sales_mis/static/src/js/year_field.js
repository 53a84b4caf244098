odoo.define('sales_mis.year_field', function (require) {
"use strict";
/* widget="sales_mis_year": an integer year shown as a year (2026), not as a quantity with a
   thousands separator (2,026); typed in and checked like any integer. */
var basicFields = require('web.basic_fields');
var fieldRegistry = require('web.field_registry');
var fieldUtils = require('web.field_utils');

fieldUtils.format.sales_mis_year = function (value) {
    return value || value === 0 ? String(value) : '';
};
fieldUtils.parse.sales_mis_year = fieldUtils.parse.integer;

// the widget's name is its format type (AbstractField): FieldInteger then formats as a year
var FieldYear = basicFields.FieldInteger.extend({});
fieldRegistry.add('sales_mis_year', FieldYear);

return FieldYear;
});
