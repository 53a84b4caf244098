# -*- coding: utf-8 -*-
"""The learned win model 赢单概率模型 of a company: trained from its closed
opportunities (one SQL read, pandas, scikit-learn), stored as JSON coefficients
(never a pickle), one record per training so that its quality can be followed."""
import json
import time

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.tools import html_escape

from ..crm_logic import win_model
from .crm_lead_evaluation import WIN_CATEGORICAL, WIN_LOG, WIN_NUMERIC


class WinModel(models.Model):
    _name = 'sales_mis.win.model'
    _description = 'Win Probability Model'
    _order = 'create_date desc, id desc'

    name = fields.Char(required=True)
    company_id = fields.Many2one('res.company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    state = fields.Selection([('trained', 'Trained'), ('not_enough', 'Not enough history')],
                             required=True, readonly=True)
    message = fields.Char(readonly=True)
    closed_count = fields.Integer('Closed Opportunities', readonly=True)
    won_count = fields.Integer('Won', readonly=True)
    train_auc = fields.Float('AUC (training)', digits=(4, 3), readonly=True,
                             help='0.5 = no better than chance, 1 = perfect ranking of won over lost.')
    train_brier = fields.Float('Brier Score (training)', digits=(4, 4), readonly=True,
                               help='Mean squared error of the probabilities: lower is better.')
    duration = fields.Float('Training Time (s)', digits=(6, 2), readonly=True)
    model_json = fields.Text('Coefficients (JSON)', readonly=True)
    coefficient_html = fields.Html('Strongest Effects', compute='_compute_coefficient_html', sanitize=False)

    def _model(self):
        self.ensure_one()
        return json.loads(self.model_json or '{}') or {'kind': win_model.NOT_ENOUGH_HISTORY}

    @api.model
    def _latest(self, company_id):
        return self.search([('company_id', '=', company_id)], limit=1) if company_id else self.browse()

    @api.model
    @tools.ormcache('company_id')
    def _latest_model(self, company_id):
        """(id, parsed model) of the latest win model of ``company_id``, (None, None) without one.
        Cached: every opportunity create/write predicts with it; a training (create) or any change
        clears it. The model dict is shared: read it, never change it."""
        record = self.sudo()._latest(company_id)
        return (record.id, record._model()) if record else (None, None)

    @api.model
    def create(self, vals):
        self.clear_caches()  # _latest_model
        return super(WinModel, self).create(vals)

    @api.multi
    def write(self, vals):
        self.clear_caches()
        return super(WinModel, self).write(vals)

    @api.multi
    def unlink(self):
        self.clear_caches()
        return super(WinModel, self).unlink()

    @api.model
    @api.returns('self', lambda record: record.id)
    def train(self):
        """Learn the win model of the caller's company (RPC and server actions; the caller is
        checked as in _train)."""
        return self._train(self.env.user.company_id)

    @api.model
    def _train(self, company):
        """Learn from every closed opportunity of ``company`` (a record) and store the model.
        Sales managers and administrators only (it reads every closed opportunity of the
        company as superuser and replaces the model everybody's probabilities come from),
        and only for their own companies."""
        self._check_may_train(company)
        started = time.time()
        frame = self.env['crm.lead']._sales_mis_signals(
            "l.type = 'opportunity' AND l.company_id = %(company)s AND "
            "((l.active AND l.probability >= 100) OR (NOT l.active AND l.probability = 0))",
            {'company': company.id})
        model = win_model.fit(frame, WIN_CATEGORICAL, WIN_NUMERIC, log=WIN_LOG)
        trained = model['kind'] == win_model.LOGISTIC
        metrics = model.get('metrics') or {}
        return self.sudo().create({
            'name': _('Win model %s') % fields.Datetime.context_timestamp(
                self, fields.Datetime.from_string(fields.Datetime.now())).strftime('%Y-%m-%d %H:%M'),
            'company_id': company.id,
            'state': 'trained' if trained else 'not_enough',
            'message': _('Learned from %d closed opportunities (%d won).') % (model['n'], model['wins'])
            if trained else model['reason'],
            'closed_count': model['n'], 'won_count': model['wins'],
            'train_auc': metrics.get('auc') or 0.0, 'train_brier': metrics.get('brier') or 0.0,
            'duration': time.time() - started,
            'model_json': json.dumps(model),
        })

    @api.model
    def _check_may_train(self, company):
        user = self.env.user
        if user._is_superuser() or user._is_admin():
            return
        if not user.has_group('sales_mis.group_manager') or company not in user.company_ids:
            raise AccessError(_('Only a sales manager of %s or an administrator may train its win model.')
                              % company.name)

    def action_train(self):
        self.check_access_rights('create')  # training itself runs as superuser
        model = self._train(self.company_id or self.env.user.company_id)
        # every open opportunity of the company, not only those the trainer can see
        self.env['crm.lead'].sudo().search([('type', '=', 'opportunity'), ('probability', '<', 100),
                                            ('company_id', '=', model.company_id.id)])._sales_mis_evaluate()
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': model.id,
                'view_mode': 'form', 'target': 'current'}

    @api.depends('model_json')
    def _compute_coefficient_html(self):
        labels = self.env['crm.lead']._sales_mis_feature_labels()
        for record in self:
            model = record._model()
            if model['kind'] != win_model.LOGISTIC:
                record.coefficient_html = False
                continue
            effects = []
            for feature, coef in model['coef'].items():
                if isinstance(coef, dict):
                    effects += [(abs(w), feature, level, w) for level, w in coef.items()]
                else:
                    effects.append((abs(coef), feature, None, coef))
            rows = []
            for _size, feature, level, weight in sorted(effects, reverse=True)[:15]:
                value = self.env['crm.lead']._sales_mis_value_label(feature, level) \
                    if level not in (None, win_model.OTHER, win_model.NONE) else \
                    (_('other') if level == win_model.OTHER else _('none') if level == win_model.NONE else '')
                # names of teams, salespeople, sources, stages are user text: escaped (sanitize=False)
                rows.append('<tr><td>%s</td><td>%s</td><td class="text-right">%+.2f</td></tr>'
                            % (html_escape(labels.get(feature, feature)), html_escape(value), weight))
            record.coefficient_html = '<table class="table table-condensed"><tr><th>%s</th><th>%s</th>' \
                '<th class="text-right">%s</th></tr>%s</table>' % (
                    html_escape(_('Feature')), html_escape(_('Value')), html_escape(_('Weight (log-odds)')),
                    ''.join(rows))
