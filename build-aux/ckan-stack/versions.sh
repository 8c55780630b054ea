# Versions of the CKAN test stack (sourced by install.sh / start.sh).
CKAN_SPEC="2.11.*"            # never 2.12
SOLR_VERSION="9.10.1"
EXT_PKGS=(
    "ckanext-scheming==3.1.0"
    "ckanext-comments==0.3.1.post1"
    "ckanext-xloader==2.5.2"
    "ckanext-validation==2.2.0"
)
# Runtime deps the extensions need but don't declare in their wheel metadata
# (they list them in requirements.txt, which PyPI does not carry).
EXT_DEPS=(
    "ckantoolkit" "tabulator" "Unidecode" "chardet"      # xloader
    "frictionless" "tableschema"                         # validation
)
# bump to force a venv rebuild when install.sh's pip steps change
VENV_LAYOUT=2
