"""Test-stack only shim (Publicador's build-aux/ckan-stack).

ckanext-validation 2.2.0 (the newest on PyPI) declares no CKAN 2.10/2.11
support. It calls Table.exists() / Table.create() without a bind, which
SQLAlchemy 1.4 (CKAN 2.11) rejects with UnboundExecutionError as soon as the
plugin's update_config runs. This module replaces those two helpers with
versions that use CKAN's engine. It patches at import time, so it only has to
be listed in ckan.plugins (anywhere) for the fix to be in place before
ckanext-validation's update_config runs.
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


_patch()


class CompatPlugin(p.SingletonPlugin):
    pass
