"""Test-stack only shim (Publicador's build-aux/ckan-stack).

ckanext-validation 2.2.0 (the newest on PyPI) declares no CKAN 2.10/2.11
support. It calls Table.exists() / Table.create() without a bind, which
SQLAlchemy 1.4 (CKAN 2.11) rejects with UnboundExecutionError as soon as the
plugin's update_config runs. This module replaces those two helpers with
versions that use CKAN's engine. It patches at import time, so it only has to
be listed in ckan.plugins (anywhere) for the fix to be in place before
ckanext-validation's update_config runs.

It also re-attaches ckanext-validation's dataset hooks under the CKAN 2.10+
names so that uploads get validated automatically (as on 2.9), and provides
the `publicador_tags_required` validator used by the test dataset schema.
"""
import logging

import sqlalchemy as sa

import ckan.plugins as p

log = logging.getLogger(__name__)


def _engine():
    from ckan.model import meta
    return getattr(meta, "engine", None)


def tables_exist():
    engine = _engine()
    if engine is None:
        # update_config runs before CKAN binds its engine; the original only
        # uses the answer to log a warning.
        return True
    return sa.inspect(engine).has_table("validation")


def create_tables():
    from ckanext.validation.model import Validation
    Validation.__table__.create(bind=_engine(), checkfirst=True)
    log.info("Validation database tables created")


def _patch():
    try:
        import ckanext.validation.model as vmodel
        import ckanext.validation.plugin as vplugin
        import ckanext.validation.common as vcommon
    except ImportError:
        return
    for mod in (vmodel, vplugin, vcommon):
        if hasattr(mod, "tables_exist"):
            mod.tables_exist = tables_exist
        if hasattr(mod, "create_tables"):
            mod.create_tables = create_tables


    # 2.2.0 only hooks the pre-2.10 names (after_create/after_update), which
    # CKAN >= 2.10 no longer calls for datasets; without this no validation is
    # queued automatically when a resource is created or updated (observed:
    # resource_validation_show stays 404 until resource_validation_run).
    cls = vplugin.ValidationPlugin
    if "after_dataset_update" not in cls.__dict__:
        cls.after_dataset_create = cls.after_resource_create
        cls.after_dataset_update = cls.after_resource_update


_patch()


def publicador_tags_required(key, data, errors, context):
    """Scheming validator: the dataset needs at least one tag, given either as
    tag_string ("a,b") or as tags ([{"name": "a"}]).

    A plain `not_empty` on tag_string breaks resource_create/resource_patch:
    they re-validate the stored dataset, which carries `tags` but no
    `tag_string` (observed: 409 {"tag_string": ["Missing value"]}).
    """
    from ckan.lib.navl.dictization_functions import missing, StopOnError
    from ckan.plugins.toolkit import _

    value = data.get(key)
    if value is missing or value is None or (isinstance(value, str) and not value.strip()):
        has_tags = any(
            len(k) == 3 and k[0] == "tags" and k[2] == "name" and data[k]
            for k in data
        )
        if not has_tags:
            errors[key].append(_("Missing value"))
        raise StopOnError


class CompatPlugin(p.SingletonPlugin):
    p.implements(p.IValidators)

    def get_validators(self):
        return {"publicador_tags_required": publicador_tags_required}
