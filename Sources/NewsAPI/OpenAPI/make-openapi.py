#!/usr/bin/env python3
"""Writes Sources/NewsAPI/Resources/openapi.json, the OpenAPI 3.1 description served at GET /openapi.json.

The document is checked against the running server in CI (schemathesis, every check) and validated with
openapi-spec-validator; edit this script, run it from the repository root, and commit both files.
"""
import json, sys, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def nullable(schema): return {"oneOf": [schema, {"type": "null"}]} if "$ref" in schema else {**schema, "type": [schema["type"], "null"]}
def obj(props, required=None, extra=False):
    return {"type": "object", "properties": props, "required": required if required is not None else list(props), "additionalProperties": extra}
def arr(items): return {"type": "array", "items": items}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
ID = {"type": "integer", "format": "int64", "minimum": 1}
ETYPE = {"type": "string", "enum": ["PERSON", "GPE", "LOC", "ORG", "NORP"]}

schemas = {
  "Problem": {"type": "object", "description": "RFC 9457 problem details. `type` is a stable URN per kind of problem (urn:newsapi:problem:NAME).",
      "properties": {"type": {"type": "string", "pattern": "^urn:newsapi:problem:[a-z0-9-]+$"}, "title": {"type": "string"},
                     "status": {"type": "integer", "minimum": 400, "maximum": 599}, "detail": {"type": "string"},
                     "parameter": {"type": "string"}, "errors": {"type": "array"}},
      "required": ["type", "title", "status"], "additionalProperties": True},
  "Health": obj({"status": {"type": "string", "enum": ["ok"]}, "articles": {"type": "integer", "minimum": 0}}),
  "ArticleSummary": obj({"id": ID, "headline": {"type": "string"}, "publishedAt": nullable(DATE), "dateline": {"type": ["string", "null"]},
                         "captionCount": {"type": "integer", "minimum": 0}}),
  "Caption": obj({"id": ID, "text": {"type": "string"}, "isFilePhoto": {"type": "boolean"}, "date": nullable(DATE),
                  "place": {"type": ["string", "null"]}, "credit": {"type": ["string", "null"]}}),
  "MentionSpan": obj({"section": {"type": "string", "enum": ["headline", "dateline", "caption", "paragraph"]},
                      "index": {"type": ["integer", "null"], "minimum": 0}, "start": {"type": "integer", "minimum": 0},
                      "end": {"type": "integer", "minimum": 1}, "text": {"type": "string"}, "role": {"type": ["string", "null"]}}),
  "ArticleEntity": obj({"id": ID, "name": {"type": "string"}, "type": ETYPE, "mentions": {"type": "integer", "minimum": 1},
                        "spans": arr(ref("MentionSpan"))}),
  "Article": obj({"id": ID, "headline": {"type": "string"}, "publishedAt": nullable(DATE), "dateline": {"type": ["string", "null"]},
                  "byline": {"type": ["string", "null"]}, "paragraphs": arr({"type": "string"}), "captions": arr(ref("Caption")),
                  "entities": arr(ref("ArticleEntity")), "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                  "createdAt": {"type": "string", "format": "date-time"}}),
  "EntitySummary": obj({"id": ID, "name": {"type": "string"}, "type": ETYPE, "articleCount": {"type": "integer", "minimum": 0},
                        "mentionCount": {"type": "integer", "minimum": 0}}),
  "Alias": obj({"text": {"type": "string"}, "count": {"type": "integer", "minimum": 1}}),
  "Entity": obj({"id": ID, "name": {"type": "string"}, "type": ETYPE, "articleCount": {"type": "integer", "minimum": 0},
                 "mentionCount": {"type": "integer", "minimum": 0}, "aliases": arr(ref("Alias")), "articles": ref("EntityArticles")}),
  "EntityArticles": {**obj({"data": {**arr(ref("ArticleSummary")), "maxItems": 10}, "total": {"type": "integer", "minimum": 0},
                           "next": {"type": ["string", "null"], "pattern": "^/v1/entities/[0-9]+/articles[?]limit=10&cursor=[A-Za-z0-9_-]+$"}}),
                     "description": "The newest 10 articles that mention the entity, newest first; `total` is `articleCount`. "
                                    "`next` is the relative URL of the next page of GET /v1/entities/{id}/articles, null when `data` holds them all."},
  "CaptionRecord": obj({"id": ID, "articleId": ID, "text": {"type": "string"}, "isFilePhoto": {"type": "boolean"}, "date": nullable(DATE),
                        "place": {"type": ["string", "null"]}, "credit": {"type": ["string", "null"]}}),
  "BatchItem": obj({"index": {"type": "integer", "minimum": 0}, "status": {"type": "string", "enum": ["created", "existing"]}, "id": ID}),
  "BatchResult": obj({"data": arr(ref("BatchItem")), "created": {"type": "integer", "minimum": 0}, "existing": {"type": "integer", "minimum": 0}}),
}

def page(item):
    return obj({"data": arr(item), "page": obj({"next": {"type": ["string", "null"]}, "limit": {"type": "integer", "minimum": 1, "maximum": 100}}),
                "total": {"type": "integer", "minimum": 0}})

def problem(desc): return {"description": desc, "content": {"application/problem+json": {"schema": ref("Problem")}}}
def ok(schema, desc="OK", headers=None):
    r = {"description": desc, "content": {"application/json": {"schema": schema}}}
    if headers: r["headers"] = headers
    return r

P = {
  "limit": {"name": "limit", "in": "query", "required": False, "description": "Page size.", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
  "cursor": {"name": "cursor", "in": "query", "required": False, "description": "Opaque cursor from `page.next` (or the `Link: rel=next` header) of the same listing.", "schema": {"type": "string", "minLength": 1}},
  "pretty": {"name": "pretty", "in": "query", "required": False, "allowEmptyValue": True, "description": "With no value or `true`, indent the JSON for people reading it; any other value keeps it compact.", "schema": {"type": "string"}},
  "id": {"name": "id", "in": "path", "required": True, "schema": ID},
}
ETAG = {"ETag": {"description": "Strong validator of the representation; send it back in If-None-Match.", "schema": {"type": "string"}}}
LINK = {"Link": {"description": "RFC 8288 link to the next page, rel=\"next\", when there is one.", "schema": {"type": "string"}}}
INM = {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"}}
IF_MATCH = {"name": "If-Match", "in": "header", "required": False,
            "description": "Change only if the article's ETag (from GET, uncoded or -gzip) is one of these, or `*`; else 412 (RFC 9110 §13.1.1).",
            "schema": {"type": "string", "pattern": "^(\\*|(W/)?\"[!#-~]*\"(, ?(W/)?\"[!#-~]*\")*)$"}}
INM_WRITE = {**INM, "description": "Change only if the article's ETag is none of these (weak comparison), and for `*` never; else 412 (RFC 9110 §13.1.2)."}
STALE = problem("If-Match names none of the article's current tags, or If-None-Match names one; nothing was changed.")

def get(summary, responses, params=(), desc=None):
    op = {"summary": summary, "parameters": list(params) + [INM, P["pretty"]], "responses": responses}
    if desc: op["description"] = desc
    op["responses"].setdefault("304", {"description": "Not Modified: the If-None-Match validator matches."})
    op["responses"].setdefault("400", problem("A parameter is invalid; `parameter` names it."))
    return op

schemas["CaptionRecord"]["properties"]["entities"] = arr(obj({"id": ID, "name": {"type": "string"}, "type": ETYPE}))
schemas["CaptionRecord"]["required"].append("entities")
schemas["SearchHit"] = obj({"type": {"type": "string", "enum": ["article", "caption"]}, "articleId": ID, "captionId": {"type": ["integer", "null"]},
                            "field": {"type": "string", "enum": ["headline", "paragraph", "caption"]}, "position": {"type": ["integer", "null"], "minimum": 0},
                            "headline": {"type": "string"}, "publishedAt": nullable(DATE), "highlights": {"type": "string"}})
schemas["RelatedEntity"] = obj({"id": ID, "name": {"type": "string"}, "type": ETYPE, "count": {"type": "integer", "minimum": 1},
                                "articleIds": arr(ID)})
schemas["BatchItem"] = {"type": "object", "properties": {"index": {"type": "integer", "minimum": 0}, "line": {"type": "integer", "minimum": 1},
                        "status": {"type": "string", "enum": ["created", "existing", "rejected"]}, "id": ID, "reason": {"type": "string"}},
                        "required": ["index", "status"], "additionalProperties": False}
schemas["BatchResult"] = {"type": "object", "properties": {"data": arr(ref("BatchItem")), "created": {"type": "integer", "minimum": 0},
                          "existing": {"type": "integer", "minimum": 0}, "rejected": {"type": "integer", "minimum": 0}},
                          "required": ["data", "created", "existing"], "additionalProperties": False}
# One line of text, as MergePatch accepts it: no control characters, something besides white space.
LINE = {"type": "string", "minLength": 1, "maxLength": 1000,
        "pattern": "^[^\\x00-\\x1f\\x7f-\\x9f]*[^\\s\\x00-\\x1f\\x7f-\\x9f][^\\x00-\\x1f\\x7f-\\x9f]*$"}
schemas["ArticlePatch"] = {"type": "object", "description": "JSON merge patch (RFC 7396); null clears a field.",
                           "properties": {"headline": LINE, "publishedAt": nullable(DATE),
                                          "byline": {**LINE, "type": ["string", "null"]}, "dateline": {**LINE, "type": ["string", "null"]}},
                           "additionalProperties": False}
schemas["EntityPatch"] = {"type": "object", "properties": {"name": LINE, "type": ETYPE},
                          "additionalProperties": False}
schemas["Merge"] = obj({"into": ID})
# Whether text is a news document is the parser's call (422 when not), not something a schema can say.
EXAMPLE = "Storm Floods Coastal Towns\n\nMANILA, Philippines (AP) — A storm flooded coastal towns on Monday, officials said."
DOC = {"type": "string", "minLength": 1, "description": "The text of a news page.", "examples": [EXAMPLE]}
schemas["BatchDocument"] = obj({"text": DOC}, extra=True)

ETYPE_Q = {"name": "type", "in": "query", "required": False, "schema": ETYPE}
def q(name, schema, desc): return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema}
QUERY = q("q", {"type": "string", "minLength": 1}, "Search: words (all must match), \"phrases\", OR, -word, prefix*.")
LIST = {**ETAG, **LINK}
WRITE_ERRORS = {"401": problem("A key is configured and the request did not send it."),
                "403": problem("The server listens beyond loopback and has no key: writes are refused.")}
SECURITY = [{}, {"bearerAuth": []}]

def write(summary, body, responses, params=()):
    op = {"summary": summary, "parameters": list(params) + [P["pretty"]], "security": SECURITY, "responses": {**responses, **WRITE_ERRORS}}
    if body: op["requestBody"] = body
    op["responses"].setdefault("400", problem("The request is malformed."))
    return op

ARTICLE_FILTERS = [QUERY,
    {"name": "entity", "in": "query", "required": False, "description": "Entity id; repeat it: every one must be mentioned.", "schema": {"type": "array", "items": ID}, "style": "form", "explode": True},
    q("entityName", {"type": "string", "minLength": 1}, "An entity name or alias, any case."),
    q("entityType", ETYPE, "Only articles mentioning an entity of this type."),
    q("from", DATE, "Published on or after this day."), q("to", DATE, "Published on or before this day."),
    q("hasCaptions", {"type": "string", "enum": ["true", "false"]}, "With (or without) photo captions."),
    q("sort", {"type": "string", "enum": ["-publishedAt", "publishedAt", "relevance"]}, "Order; relevance needs q."),
    P["limit"], P["cursor"]]

paths = {
  "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
  "/v1/health": {"get": get("Service health and article count", {"200": ok(ref("Health"), headers=ETAG)})},
  "/v1/articles": {
    "get": get("Articles, newest first; searched and filtered", {"200": {"description": "A page of articles, or with Accept: application/x-ndjson every matching full article, one per line.",
               "headers": LIST, "content": {"application/json": {"schema": page(ref("ArticleSummary"))}, "application/x-ndjson": {"schema": {"type": "string"}}}}}, ARTICLE_FILTERS),
    "post": write("Upload one news document",
                  {"required": True, "content": {"text/plain": {"schema": DOC}}},
                  {"201": ok(ref("Article"), "Created"), "200": ok(ref("Article"), "Already stored"),
                   "415": problem("Not text/plain, or an unsupported charset."), "422": problem("Not a news document."),
                   "413": problem("Over the body size limit.")}),
  },
  "/v1/articles/batch": {"post": write("Upload documents: all or nothing, or item by item with atomic=false",
      {"required": True, "content": {"application/x-ndjson": {"schema": {"type": "array", "minItems": 1, "items": ref("BatchDocument")}},
                                     "application/json": {"schema": {"type": "array", "minItems": 1, "items": ref("BatchDocument")}}}},
      {"200": ok(ref("BatchResult")), "415": problem("Unsupported media type."), "422": problem("Some items are not documents; nothing stored."),
       "413": problem("Over the body size limit."), "503": problem("Too many uploads at once.")},
      [q("atomic", {"type": "string", "enum": ["true", "false"]}, "false stores the good items and reports the bad ones.")])},
  "/v1/articles/{id}": {
    "get": get("One article in full", {"200": ok(ref("Article"), headers=ETAG), "404": problem("No such article.")}, [P["id"]]),
    "patch": write("Edit an article (JSON merge patch)",
                   {"required": True, "content": {"application/merge-patch+json": {"schema": ref("ArticlePatch")}, "application/json": {"schema": ref("ArticlePatch")}}},
                   {"200": ok(ref("Article")), "404": problem("No such article."), "412": STALE, "415": problem("Not a merge patch."),
                    "422": problem("An unknown member or a wrong type.")}, [P["id"], IF_MATCH, INM_WRITE]),
    "delete": write("Delete an article, its captions and mentions", None,
                    {"204": {"description": "Deleted."}, "404": problem("No such article."), "412": STALE}, [P["id"], IF_MATCH, INM_WRITE]),
  },
  "/v1/search": {"get": get("Articles and captions matching a query, best first", {"200": ok(page(ref("SearchHit")), headers=LIST)},
                            [{**QUERY, "required": True}, P["limit"], P["cursor"]])},
  "/v1/entities": {"get": get("Entities, most mentioned first", {"200": ok(page(ref("EntitySummary")), headers=LIST)},
                              [q("q", {"type": "string", "minLength": 1}, "Prefix of a name or alias, any case."), ETYPE_Q,
                               q("sort", {"type": "string", "enum": ["-mentions", "name"]}, "Order."), P["limit"], P["cursor"]])},
  "/v1/entities/{id}": {
    "get": get("One entity with its aliases and newest articles", {"200": ok(ref("Entity"), headers=ETAG), "404": problem("No such entity.")}, [P["id"]],
               desc="`articles` holds the newest 10 articles and links to the rest, which GET /v1/entities/{id}/articles lists."),
    "patch": write("Rename an entity or change its type",
                   {"required": True, "content": {"application/merge-patch+json": {"schema": ref("EntityPatch")}, "application/json": {"schema": ref("EntityPatch")}}},
                   {"200": ok(ref("Entity")), "404": problem("No such entity."), "409": problem("Another entity has that name and type."),
                    "415": problem("Not a merge patch."), "422": problem("An unknown member or a wrong type.")}, [P["id"]]),
  },
  "/v1/entities/{id}/merge": {"post": write("Merge the entity into another",
      {"required": True, "content": {"application/json": {"schema": ref("Merge")}}},
      {"200": ok(ref("Entity")), "404": problem("No such entity."), "415": problem("Not JSON."), "422": problem("Into itself or a missing entity.")}, [P["id"]])},
  "/v1/entities/{id}/articles": {"get": get("Articles mentioning the entity, newest first", {"200": ok(page(ref("ArticleSummary")), headers=LIST), "404": problem("No such entity.")}, [P["id"], P["limit"], P["cursor"]])},
  "/v1/entities/{id}/related": {"get": get("Entities mentioned in the same articles, most shared first", {"200": ok(page(ref("RelatedEntity")), headers=LIST), "404": problem("No such entity.")}, [P["id"], P["limit"], P["cursor"]])},
  "/v1/captions": {"get": get("Photo captions with their entities", {"200": ok(page(ref("CaptionRecord")), headers=LIST)},
                              [q("q", {"type": "string", "minLength": 1}, "Search the caption text."), q("isFilePhoto", {"type": "string", "enum": ["true", "false"]}, "Archive photos only, or none."),
                               {"name": "entity", "in": "query", "required": False, "description": "Entity id the caption mentions.", "schema": ID}, P["limit"], P["cursor"]])},
}

doc = {"openapi": "3.1.0",
       "info": {"title": "newsapi", "version": "1",
                "description": "A self-hosted news API: articles, photo captions and named entities extracted from news documents. Errors are RFC 9457 problem details whose `type` is urn:newsapi:problem:NAME.",
                "license": {"name": "Proprietary", "identifier": "LicenseRef-Proprietary"}},
       "servers": [{"url": "/"}],
       "paths": paths,
       "components": {"schemas": schemas, "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "description": "Needed for writes when the server has an API key."}}}}
out = pathlib.Path(__file__).resolve().parent.parent / "Resources" / "openapi.json"
out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"{out.name}: {len(paths)} paths, {len(schemas)} schemas")
