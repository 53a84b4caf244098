odoo.define('sales_mis.dashboard_board', function (require) {
"use strict";
/* The role dashboards are Odoo boards (board module). Two additions:
 * - breadcrumbs show the board's own name (its form's string), not "My Dashboard";
 * - the title of each board item drills down: it opens the report named by the item's
 *   `drill` attribute, or else the item's action with the item's domain and context. */
require('board.dashboard');  // after the board's own overrides, which these extend
var FormController = require('web.FormController');
var FormRenderer = require('web.FormRenderer');

FormController.include({
    getTitle: function () {
        var arch = this.inDashboard && this.renderer && this.renderer.arch;
        if (arch && arch.attrs.string) {
            return arch.attrs.string;
        }
        return this._super.apply(this, arguments);
    },
});

FormRenderer.include({
    events: _.extend({}, FormRenderer.prototype.events, {
        'click .oe_dashboard_column .oe_header .oe_header_txt': '_onSalesMisDrill',
    }),
    _onSalesMisDrill: function (event) {
        var self = this;
        var attrs = this.actionsDescr[$(event.currentTarget).closest('.oe_action').data('id')];
        if (!attrs) {
            return;
        }
        if (attrs.drill) {
            return this.do_action(_.str.toNumber(attrs.drill));
        }
        return this._rpc({route: '/web/action/load', params: {action_id: _.str.toNumber(attrs.name)}})
            .then(function (action) {
                if (!action) {
                    return;
                }
                if (attrs.domain) {
                    action.domain = attrs.domain;
                }
                if (attrs.context) {
                    action.context = attrs.context;
                }
                // the view the board shows first
                var first = _.find(action.views, function (view) {
                    return view[1] === attrs.view_mode;
                });
                if (first) {
                    action.views = [first].concat(_.without(action.views, first));
                }
                return self.do_action(action);
            });
    },
});

});
