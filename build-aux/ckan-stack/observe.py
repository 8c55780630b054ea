#!/usr/bin/env python3
"""Record real CKAN 2.11 responses from a running test stack into
build-aux/ckan-stack/observed/*.json (tokens redacted, site URL replaced by
"{site_url}") for the simulated portal and for the README's list of traps.

usage: observe.py STATE_DIR [OUT_DIR]
Each file: {"what", "request": {method, action, as, body}, "status",
"content_type", "body"} or a list of such exchanges.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
STATE = sys.argv[1]
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "observed")
os.makedirs(OUT, exist_ok=True)

env = {}
with open(os.path.join(STATE, "env")) as f:
    for line in f:
        m = re.match(r"export (\w+)='(.*)'$", line.strip())
        if m:
            env[m.group(1)] = m.group(2)

URL = env["PUB_CKAN_URL"]
TOK = {
    "sysadmin": env["PUB_CKAN_TOKEN_SYSADMIN"],
    "orgadmin": env["PUB_CKAN_TOKEN_ADMIN"],
    "editor": env["PUB_CKAN_TOKEN_EDITOR"],
    "member": env["PUB_CKAN_TOKEN_MEMBER"],
    "anonymous": None,
}
ORG = env["PUB_CKAN_ORG"]
SECRETS = {v: "<redacted:%s-token>" % k for k, v in TOK.items() if v}


def redact(text):
    for secret, repl in SECRETS.items():
        text = text.replace(secret, repl)
    text = text.replace(URL, "{site_url}")
    # any other JWT (e.g. freshly created tokens)
    text = re.sub(r"eyJ[\w-]+\.[\w-]+\.[\w-]+", "<redacted:jwt>", text)
    return text


def call(action, body=None, who="editor", method=None, content_type="application/json",
         raw=None, query=None):
    url = "%s/api/3/action/%s" % (URL, action)
    if query:
        url += "?" + query
    data = None
    if raw is not None:
        data = raw
    elif body is not None:
        data = json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method or ("POST" if data is not None else "GET"))
    if data is not None and content_type:
        req.add_header("Content-Type", content_type)
    if TOK.get(who):
        req.add_header("Authorization", TOK[who])
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            status, ctype, payload = r.status, r.headers.get("Content-Type"), r.read()
    except urllib.error.HTTPError as e:
        status, ctype, payload = e.code, e.headers.get("Content-Type"), e.read()
    text = payload.decode("utf-8", "replace")
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = text[:2000]
    return {
        "request": {"method": req.get_method(), "action": action, "query": query, "as": who,
                    "content_type": content_type if data is not None else None,
                    "body": body if raw is None else "<%d raw bytes>" % len(raw)},
        "status": status,
        "content_type": ctype,
        "body": parsed,
    }


def upload(fields, path, who="editor", action="resource_create"):
    args = ["curl", "-sS", "-o", "-", "-w", "\n%{http_code}\n%{content_type}", "-X", "POST",
            "%s/api/3/action/%s" % (URL, action)]
    if TOK.get(who):
        args += ["-H", "Authorization: " + TOK[who]]
    for k, v in fields.items():
        args += ["-F", "%s=%s" % (k, v)]
    args += ["-F", "upload=@%s" % path]
    out = subprocess.run(args, capture_output=True, text=True).stdout
    text, status, ctype = out.rsplit("\n", 2)
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = text[:2000]
    return {
        "request": {"method": "POST", "action": action, "as": who,
                    "content_type": "multipart/form-data",
                    "fields": fields, "upload": "%s (%d bytes)" % (os.path.basename(path), os.path.getsize(path))},
        "status": int(status), "content_type": ctype, "body": parsed,
    }


def save(name, what, exchanges):
    doc = {"what": what, "ckan": "2.11.6 + scheming 3.1.0, comments 0.3.1.post1, validation 2.2.0, xloader 2.5.2",
           "exchanges": exchanges if isinstance(exchanges, list) else [exchanges]}
    text = redact(json.dumps(doc, indent=2, ensure_ascii=False))
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        f.write(text + "\n")
    print("wrote", name, [e["status"] for e in doc["exchanges"]])


def base_ds(name, **kw):
    d = {"name": name, "title": "Observado " + name, "notes": "Notas", "author": "Unidad",
         "author_email": "datos@example.org", "owner_org": ORG, "private": False,
         "license_id": "cc-by", "tag_string": "observado", "frequency": "1y", "period": "2024"}
    d.update(kw)
    return d


stamp = str(int(time.time()))
ok = call("package_create", base_ds("obs-in-use-" + stamp))
assert ok["status"] == 200, ok

# ---- name rules
ex = []
d = base_ds("x"); del d["name"]
ex.append(call("package_create", d))
ex.append(call("package_create", base_ds("")))
ex.append(call("package_create", base_ds("a")))
ex.append(call("package_create", base_ds("Mi Conjunto!")))
ex.append(call("package_create", base_ds("a" * 101)))
ex.append(call("package_create", base_ds("obs-in-use-" + stamp)))
ex.append(call("package_create", base_ds("new")))
save("package_create_name_errors",
     "package_create name rules: missing key, empty, too short, invalid chars, too long, in use, reserved word", ex)

# ---- scheming required fields / choices / tags shapes
ex = []
ex.append(call("package_create", {"name": "obs-minimal-" + stamp, "owner_org": ORG}))
ex.append(call("package_create", base_ds("obs-badfreq-" + stamp, frequency="2w")))
ex.append(call("package_create", base_ds("obs-bademail-" + stamp, author_email="no-es-correo")))
d = base_ds("obs-tagsobj-" + stamp); del d["tag_string"]; d["tags"] = [{"name": "uno"}, {"name": "dos"}]
ex.append(call("package_create", d))
d = base_ds("obs-tagsstr-" + stamp); del d["tag_string"]; d["tags"] = ["uno"]
ex.append(call("package_create", d))
d = base_ds("obs-notags-" + stamp); del d["tag_string"]
ex.append(call("package_create", d))
ex.append(call("package_create", base_ds("obs-private-str-" + stamp, private="false")))
d = base_ds("obs-noprivate-" + stamp); del d["private"]
ex.append(call("package_create", d))
ex.append(call("package_create", base_ds("obs-otherorg-" + stamp, owner_org=env["PUB_CKAN_ORG_OTHER"])))
ex.append(call("package_create", base_ds("obs-member-" + stamp), who="member"))
save("package_create_schema_errors",
     "scheming (datos.gob.cl-like schema): only name+owner_org, bad frequency choice, bad email, "
     "tags as objects (ok), tags as strings, no tags, private as string, private omitted, "
     "org the editor is not in, member creating", ex)

# ---- package_search visibility
pub = call("package_create", base_ds("obs-public-" + stamp))
priv = call("package_create", base_ds("obs-private-" + stamp, private=True))
draft = call("package_create", base_ds("obs-draft-" + stamp))
draft_id = draft["body"]["result"]["id"]
patch = call("package_patch", {"id": draft_id, "state": "draft"})
ex = [pub, priv, draft, patch]
q = "fq=" + urllib.parse.quote("name:(obs-public-%s OR obs-private-%s OR obs-draft-%s)" % (stamp, stamp, stamp))
for who in ("anonymous", "member", "editor"):
    for extra in ("", "&include_private=true", "&include_private=true&include_drafts=true",
                  "&include_drafts=true"):
        r = call("package_search", query=q + extra, who=who)
        if isinstance(r["body"], dict) and r["body"].get("success"):
            # keep just the interesting part
            r["body"]["result"]["results"] = [
                {k: x.get(k) for k in ("name", "state", "private")} for x in r["body"]["result"]["results"]]
            r["body"]["result"].pop("search_facets", None)
        ex.append(r)
ex.append(call("package_show", query="id=obs-private-" + stamp, who="anonymous"))
ex.append(call("package_show", query="id=obs-draft-" + stamp, who="anonymous"))
ex.append(call("package_search", query="q=*:*&foo=bar", who="anonymous"))
save("package_search_private_drafts",
     "package_search with include_private/include_drafts as anonymous, member, editor (public, private and draft "
     "datasets); package_show of private/draft anonymously; unknown search parameter", ex)

# ---- uploads
tmp = tempfile.mkdtemp()
pid = pub["body"]["result"]["id"]
big = os.path.join(tmp, "grande.csv")
mb = int(env.get("PUB_CKAN_MAX_RESOURCE_SIZE_MB", "200"))
with open(big, "wb") as f:
    f.write(b"a,b\n")
    f.truncate((mb + 1) * 1024 * 1024)
ex = [upload({"package_id": pid, "name": "Grande", "format": "CSV"}, big)]
os.unlink(big)
small = os.path.join(tmp, "bueno.csv")
with open(small, "w") as f:
    f.write("region,anio,valor\nArica,2020,10\nTarapaca,2020,12\n")
ex.append(upload({"package_id": pid, "name": "Bueno", "format": "CSV"}, small))
good_id = ex[-1]["body"]["result"]["id"]
bad = os.path.join(tmp, "malo.csv")
with open(bad, "w") as f:
    f.write("region,anio,valor,region\nArica,2020\nTarapaca,2020,12,x,extra\n,,,\nAntofagasta,dos mil,7,y\n")
ex.append(upload({"package_id": pid, "name": "Malo", "format": "CSV"}, bad))
bad_id = ex[-1]["body"]["result"]["id"]
longdesc = os.path.join(tmp, "desc.txt")
with open(longdesc, "w") as f:
    f.write("x" * 600000)
ex.append(upload({"package_id": pid, "name": "Campo largo", "format": "CSV", "description": "<" + longdesc}, small))
ex[-1]["request"]["fields"]["description"] = "<600000 characters>"
ex.append(call("resource_create", {"package_id": pid, "name": "Enlace", "url": "https://example.org/informe.pdf",
                                   "format": "PDF"}))
link_id = ex[-1]["body"]["result"]["id"]
save("resource_upload", "multipart uploads: over ckan.max_resource_size (%d MB + 1), good CSV, broken CSV, "
                        "a 600000-character text part; link resource" % mb, ex)

# ---- comments
ex = []
# not side_effect_free: GET answers 400 "Please use POST method"
ex.append(call("comments_thread_show", query="subject_id=%s&subject_type=package" % pid, who="anonymous"))
ex.append(call("comments_thread_show", {"subject_id": pid, "subject_type": "package"}, who="anonymous"))
c = call("comments_comment_create", {"subject_id": pid, "subject_type": "package",
                                     "content": "¿Hay datos de 2019?", "create_thread": True}, who="member")
ex.append(c)
cid = c["body"]["result"]["id"]
ex.append(call("comments_comment_create", {"subject_id": pid, "subject_type": "package",
                                           "content": "Respuesta", "reply_to_id": cid}, who="editor"))
ex.append(call("comments_comment_show", {"id": cid}, who="anonymous"))
ex.append(call("comments_comment_show", {"id": cid}, who="member"))
ex.append(call("comments_thread_show", {"subject_id": pid, "subject_type": "package", "include_comments": True},
               who="anonymous"))
ex.append(call("comments_thread_show", {"subject_id": pid, "subject_type": "package", "include_comments": True,
                                        "include_author": True, "combine_comments": True}, who="member"))
ex.append(call("comments_comment_update", {"id": cid, "content": "¿Hay datos de 2019 y 2018?"}, who="member"))
ex.append(call("comments_comment_approve", {"id": cid}, who="orgadmin"))
ex.append(call("comments_comment_approve", {"id": cid}, who="sysadmin"))
ex.append(call("comments_comment_create", {"subject_id": pid, "subject_type": "package",
                                           "content": "Respuesta", "reply_to_id": cid}, who="editor"))
ex.append(call("comments_thread_show", {"subject_id": pid, "subject_type": "package", "include_comments": True,
                                        "combine_comments": True}, who="anonymous"))
ex.append(call("comments_comment_create", {"subject_id": pid, "subject_type": "package", "content": "anon"},
               who="anonymous"))
ex.append(call("comments_comment_update", {"id": cid, "content": "editado"}, who="member"))
ex.append(call("comments_comment_delete", {"id": cid}, who="editor"))
ex.append(call("comments_comment_delete", {"id": cid}, who="sysadmin"))
ex.append(call("comments_comment_show", {"id": cid}, who="anonymous"))
save("comments", "ckanext-comments 0.3.1.post1 with require_approval=true: GET refused, thread 404, create (draft), "
                 "reply to someone else's draft, show as anonymous/author, thread views, author edits draft, "
                 "approve as org admin then sysadmin, reply to approved, anonymous create (500), author edits "
                 "approved, editor delete, sysadmin delete, show deleted", ex)

# ---- validation + xloader (wait for the worker)
deadline = time.time() + 120
while time.time() < deadline:
    g = call("resource_validation_show", query="resource_id=" + good_id)
    b = call("resource_validation_show", query="resource_id=" + bad_id)
    x = call("xloader_status", query="resource_id=" + good_id)
    def st(r):
        return r["body"].get("result", {}).get("status") if isinstance(r["body"], dict) else None
    if st(g) in ("success", "failure", "error") and st(b) in ("success", "failure", "error") \
            and st(x) in ("complete", "error"):
        break
    time.sleep(1)
ex = [g, b, call("resource_validation_show", query="resource_id=" + link_id)]
ex.append(call("resource_validation_run", {"resource_id": link_id}))
ex.append(call("resource_validation_run", {"resource_id": good_id}, who="member"))
ex.append(call("resource_show", query="id=" + bad_id))
save("resource_validation", "ckanext-validation 2.2.0 (Frictionless 5): report for a good and a broken CSV "
                            "(report is a JSON string), 404 without report, run on PDF, run as member, "
                            "validation_status on the resource", ex)
xb = call("xloader_status", query="resource_id=" + bad_id)
ex = [x, xb, call("xloader_status", query="resource_id=" + link_id),
      call("datastore_info", query="id=" + good_id),
      call("datastore_search", query="resource_id=%s&limit=1" % good_id, who="anonymous"),
      call("datastore_search", query="resource_id=" + link_id, who="anonymous"),
      call("xloader_submit", {"resource_id": good_id}, who="member")]
save("xloader_datastore", "xloader_status (complete, broken CSV, never submitted), datastore_info, "
                          "datastore_search, xloader_submit as member", ex)

# ---- data dictionary, patch with upload, reorder, activity, bulk
ex = []
info = call("datastore_info", query="id=" + good_id)
fields = [{"id": f_["id"], "type": f_["type"],
           "info": {"label": f_["id"].title(), "notes": "Nota de " + f_["id"],
                    "type_override": "int" if f_["id"] == "valor" else ""}}
          for f_ in info["body"]["result"]["fields"]]
ex.append(call("datastore_create", {"resource_id": good_id, "force": True, "fields": fields}))
ex.append(call("datastore_info", query="id=" + good_id))
ex.append(call("datastore_create", {"resource_id": good_id, "force": True, "fields": fields}, who="member"))
newer = os.path.join(tmp, "bueno-v2.csv")
with open(newer, "w") as f:
    f.write("region,anio,valor\nArica,2021,11\n")
ex.append(upload({"id": good_id}, newer, action="resource_patch"))
ids = [r_["id"] for r_ in call("package_show", query="id=" + pid)["body"]["result"]["resources"]]
ex.append(call("package_resource_reorder", {"id": pid, "order": list(reversed(ids))}))
ex.append(call("package_resource_reorder", {"id": pid, "order": [ids[0], ids[0]]}))
ex.append(call("package_resource_reorder", {"id": pid, "order": ["no-such-id"]}))
ex.append(call("package_activity_list", query="id=%s&limit=3" % pid))
org_id = pub["body"]["result"]["owner_org"]
ex.append(call("bulk_update_private", {"org_id": org_id, "datasets": [pid]}, who="editor"))
ex.append(call("bulk_update_private", {"org_id": org_id, "datasets": [pid]}, who="orgadmin"))
ex.append(call("bulk_update_public", {"org_id": org_id, "datasets": [pid]}, who="orgadmin"))
ex.append(call("package_patch", {"id": pid, "notes": ""}))
save("misc_actions", "data dictionary via datastore_create(force) then datastore_info, as member; resource_patch "
                     "replacing the upload; package_resource_reorder ok/duplicate/unknown id; package_activity_list; "
                     "bulk_update_private as editor and org admin; package_patch emptying a required field", ex)

# ---- tokens, auth, envelope
ex = []
t = call("api_token_create", {"user": env["PUB_CKAN_USER_EDITOR"], "name": "revocable"}, who="editor")
ex.append(t)
newtok = t["body"]["result"]["token"]
TOK["revoked"] = newtok
SECRETS[newtok] = "<redacted:revoked-token>"
ex.append(call("user_show", who="revoked"))
ex.append(call("api_token_revoke", {"token": newtok}, who="editor"))
ex.append(call("user_show", who="revoked"))
ex.append(call("package_create", base_ds("obs-revoked-" + stamp), who="revoked"))
ex.append(call("package_show", query="id=obs-private-" + stamp, who="revoked"))
TOK["garbage"] = "not-a-token"
ex.append(call("user_show", who="garbage"))
ex.append(call("user_show", who="anonymous"))
ex.append(call("api_token_list", query="user_id=" + env["PUB_CKAN_USER_EDITOR"], who="editor"))
save("tokens_auth", "api_token_create, user_show before/after api_token_revoke, writes with a revoked token, "
                    "garbage token, anonymous user_show, api_token_list", ex)

ex = []
ex.append(call("package_create", raw=b'{"name": "x"}', content_type="text/plain"))
ex.append(call("package_create", query="name=x"))
ex.append(call("no_such_action"))
ex.append(call("package_create", raw=b"{not json", content_type="application/json"))
ex.append(call("help_show", query="name=no_such_action", who="anonymous"))
ex.append(call("status_show", who="anonymous"))
ex.append(call("organization_list_for_user", query="permission=create_dataset", who="editor"))
ex.append(call("organization_list_for_user", query="permission=create_dataset", who="member"))
save("envelope_misc", "wrong Content-Type, GET on a write action, unknown action, bad JSON, help_show of an unknown "
                      "action, status_show, organization_list_for_user(create_dataset) for editor and member", ex)
print("done")
