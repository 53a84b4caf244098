odoo.define('sales_mis.phone', function (require) {
"use strict";
/**
 * Phones (Bootstrap's xs screens, config.device.isMobile) get what Odoo 11 community leaves
 * to its enterprise mobile app:
 * - a list, calendar, pivot or graph action opens on its kanban view (cards) when it has one;
 * - a calendar opens on one day instead of a week of unreadable columns;
 * - the section menu folds behind one button (static/src/less/phone.less) and folds back
 *   once an entry is chosen.
 * Desktops are left exactly as they were.
 */
var config = require('web.config');
var CalendarView = require('web.CalendarView');
var Menu = require('web.Menu');
var ViewManager = require('web.ViewManager');

ViewManager.include({
    get_default_view: function () {
        var view = this._super.apply(this, arguments);
        if (config.device.isMobile && !this.flags.default_view && view && view.multi_record &&
                !view.mobile_friendly && this.views.kanban) {
            return this.views.kanban;
        }
        return view;
    },
});

CalendarView.include({
    init: function () {
        this._super.apply(this, arguments);
        if (config.device.isMobile) {
            this.loadParams.mode = 'day';
        }
    },
});

Menu.include({
    start: function () {
        var self = this;
        var result = this._super.apply(this, arguments);
        this.$secondary_menus.on('click', '.o_sales_mis_sub_menu_toggle', function () {
            self.$secondary_menus.toggleClass('o_sales_mis_sub_menu_open');
        });
        return result;
    },
    open_menu: function (id) {
        var result = this._super.apply(this, arguments);
        var $clicked = this.$secondary_menus.find('a[data-menu=' + id + ']');
        if (!$clicked.is('.oe_menu_toggler')) {
            // a section was chosen: fold the menu and name the section on its button
            this.$secondary_menus.removeClass('o_sales_mis_sub_menu_open');
            var name = $clicked.text().trim();
            if (name) {
                this.$secondary_menus.find('.o_sales_mis_sub_menu_toggle').text(name);
            }
        }
        return result;
    },
});

});
