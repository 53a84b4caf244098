# -*- coding: utf-8 -*-
"""Chatter tracking lines in the reader's language.  Odoo 11 stores a tracked field's label
and a selection's label as text in the writer's language ("Status: Planned → Done" stays
English for a Chinese reader when an English user or the system made the change); the
labels are translated again here, as the chatter reads them."""
from odoo import api, models


class MailMessage(models.Model):
    _inherit = 'mail.message'

    @api.model
    def _message_read_dict_postprocess(self, messages, message_tree):
        result = super(MailMessage, self)._message_read_dict_postprocess(messages, message_tree)
        tracked = [(message['model'], value) for message in messages
                   if message.get('model') in self.env for value in message.get('tracking_value_ids') or ()]
        if not tracked:
            return result
        field_of = {value.id: value.field for value in
                    self.env['mail.tracking.value'].sudo().browse([value['id'] for _model, value in tracked])}
        by_model = {}
        for model, value in tracked:
            by_model.setdefault(model, set()).add(field_of[value['id']])
        langs = [code for code, _name in self.env['res.lang'].get_installed()]
        described, selection_keys = {}, {}
        for model, names in by_model.items():
            described[model] = self._tracked_field_descriptions(model, names)
            choices = [name for name, info in described[model].items() if info.get('type') == 'selection']
            for lang in langs if choices else ():
                # the stored text may be in any installed language: its key, whichever (the labels
                # fields_get would give, without the rest of fields_get on every message shown)
                env = self.env(context=dict(self.env.context, lang=lang))
                for name in choices:
                    for key, label in env[model]._fields[name]._description_selection(env) or ():
                        selection_keys.setdefault((model, name), {}).setdefault(label, key)
        for model, value in tracked:
            info = described[model].get(field_of[value['id']])
            if not info:
                continue  # a field gone from the model, or hidden from this reader: as stored
            value['changed_field'] = info['string']
            if info.get('type') == 'selection':
                keys = selection_keys.get((model, field_of[value['id']]), {})
                labels = dict(info.get('selection') or ())
                for side in ('old_value', 'new_value'):
                    if value.get(side) in keys:
                        value[side] = labels.get(keys[value[side]], value[side])
        return result

    def _tracked_field_descriptions(self, model, names):
        """fields_get(names, ['string', 'type', 'selection']) of ``model`` for the reader: the
        fields they may see, without computing every other attribute (help texts...) of each field
        for every message shown, as fields_get does."""
        Model = self.env[model]
        translated = {}  # Field._description_string, one lookup per model the fields come from
        result = {}
        for name in names:
            field = Model._fields.get(name)
            if not field or (field.groups and not Model.user_has_groups(field.groups)):
                continue
            string = field.string
            if string and self.env.lang:
                origin = field.base_field.model_name
                if origin not in translated:
                    translated[origin] = self.env['ir.translation'].get_field_string(origin)
                string = translated[origin].get(name) or string
            result[name] = {'string': string, 'type': field.type}
            if field.type == 'selection':
                result[name]['selection'] = field._description_selection(self.env)
        return result
