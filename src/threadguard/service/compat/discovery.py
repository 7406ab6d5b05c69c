"""The ``commentanalyzer`` v1alpha1 discovery document, pointing at this server.

google-api-python-client builds its Perspective client from a discovery document; Google's
says ``rootUrl: https://commentanalyzer.googleapis.com/``. Serving our own with our root URL
(the ``public_url`` setting, never the request's ``Host``) is what lets Perspective's
quick-start run unchanged except for ``discoveryServiceUrl``.
The document describes the two methods and the schemas of the requests and responses
ThreadGuard accepts; there is no ``auth`` section, so the client never looks for Google
credentials and sends the ``developerKey`` as ``?key=``.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.requests import Request

from threadguard.service.compat import Dependency
from threadguard.service.protocols import ServiceContext

_SCORE_TYPES = ["SCORE_TYPE_UNSPECIFIED", "PROBABILITY", "STD_DEV_SCORE", "PERCENTILE", "RAW"]


def _string(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _strings(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}, "description": description}


def _ref(name: str, description: str) -> dict[str, Any]:
    return {"$ref": name, "description": description}


def _query(description: str, kind: str = "string") -> dict[str, Any]:
    return {"type": kind, "location": "query", "description": description}


SCHEMAS: dict[str, Any] = {
    "TextEntry": {
        "id": "TextEntry",
        "type": "object",
        "description": "A piece of text.",
        "properties": {
            "text": _string("The text, UTF-8."),
            "type": {
                "type": "string",
                "enum": ["TEXT_TYPE_UNSPECIFIED", "PLAIN_TEXT", "HTML"],
                "description": "Text type; only plain text is scored.",
            },
        },
    },
    "Context": {
        "id": "Context",
        "type": "object",
        "description": "What the comment replies to; the first entry is used as its parent.",
        "properties": {
            "entries": {
                "type": "array",
                "items": {"$ref": "TextEntry"},
                "description": "Earlier messages of the conversation.",
            },
            "articleAndParentComment": _ref("ArticleAndParentComment", "Article and parent."),
        },
    },
    "ArticleAndParentComment": {
        "id": "ArticleAndParentComment",
        "type": "object",
        "description": "The article commented on and the comment replied to.",
        "properties": {
            "article": _ref("TextEntry", "The article."),
            "parentComment": _ref("TextEntry", "The comment replied to."),
        },
    },
    "AttributeParameters": {
        "id": "AttributeParameters",
        "type": "object",
        "description": "Options for one requested attribute.",
        "properties": {
            "scoreType": {"type": "string", "enum": _SCORE_TYPES, "description": "PROBABILITY."},
            "scoreThreshold": {
                "type": "number",
                "format": "float",
                "description": "Attributes scoring below this are left out of the response.",
            },
        },
    },
    "AnalyzeCommentRequest": {
        "id": "AnalyzeCommentRequest",
        "type": "object",
        "description": "A comment to score.",
        "properties": {
            "comment": _ref("TextEntry", "The comment."),
            "context": _ref("Context", "What it replies to."),
            "requestedAttributes": {
                "type": "object",
                "additionalProperties": {"$ref": "AttributeParameters"},
                "description": "Attribute names (TOXICITY, or TOXICITY@1 to pin a model).",
            },
            "languages": _strings("ISO 639-1 codes of the comment's language(s)."),
            "doNotStore": {"type": "boolean", "description": "Store nothing about it."},
            "spanAnnotations": {"type": "boolean", "description": "Score each sentence too."},
            "clientToken": _string("Echoed in the response."),
            "sessionId": _string("Opaque session id."),
            "communityId": _string("Opaque community id."),
        },
    },
    "Score": {
        "id": "Score",
        "type": "object",
        "description": "A score and its type.",
        "properties": {
            "value": {"type": "number", "format": "float", "description": "The score."},
            "type": {"type": "string", "enum": _SCORE_TYPES, "description": "PROBABILITY."},
        },
    },
    "SpanScore": {
        "id": "SpanScore",
        "type": "object",
        "description": "The score of a span [begin, end) of the text, in UTF-16 code units.",
        "properties": {
            "begin": {"type": "integer", "format": "int32", "description": "First unit."},
            "end": {"type": "integer", "format": "int32", "description": "One past the last."},
            "score": _ref("Score", "The span's score."),
        },
    },
    "AttributeScores": {
        "id": "AttributeScores",
        "type": "object",
        "description": "One attribute's scores.",
        "properties": {
            "summaryScore": _ref("Score", "The score of the whole comment."),
            "spanScores": {
                "type": "array",
                "items": {"$ref": "SpanScore"},
                "description": "Scores of parts of the comment.",
            },
        },
    },
    "AnalyzeCommentResponse": {
        "id": "AnalyzeCommentResponse",
        "type": "object",
        "description": "The scores of a comment.",
        "properties": {
            "attributeScores": {
                "type": "object",
                "additionalProperties": {"$ref": "AttributeScores"},
                "description": "Keyed by the requested attribute names.",
            },
            "languages": _strings("The request's languages, else the detected one."),
            "detectedLanguages": _strings("The language detected from the text."),
            "clientToken": _string("The request's clientToken."),
        },
    },
    "SuggestCommentScoreRequest": {
        "id": "SuggestCommentScoreRequest",
        "type": "object",
        "description": "Scores a client believes a comment should have.",
        "properties": {
            "comment": _ref("TextEntry", "The comment."),
            "context": _ref("Context", "What it replies to."),
            "attributeScores": {
                "type": "object",
                "additionalProperties": {"$ref": "AttributeScores"},
                "description": "The suggested scores.",
            },
            "languages": _strings("ISO 639-1 codes of the comment's language(s)."),
            "communityId": _string("Opaque community id."),
            "clientToken": _string("Echoed in the response."),
            "sessionId": _string("Opaque session id."),
        },
    },
    "SuggestCommentScoreResponse": {
        "id": "SuggestCommentScoreResponse",
        "type": "object",
        "description": "Acknowledges a suggestion.",
        "properties": {
            "clientToken": _string("The request's clientToken."),
            "detectedLanguages": _strings("The language detected from the text."),
            "requestedLanguages": _strings("The request's languages."),
        },
    },
}

PARAMETERS: dict[str, Any] = {
    "key": _query("API key (a ThreadGuard client key)."),
    "access_token": _query("Not used; pass the key as key= or an Authorization bearer."),
    "alt": {**_query("Data format for the response."), "default": "json", "enum": ["json"]},
    "fields": _query("Accepted and ignored: the whole response is sent."),
    "prettyPrint": {**_query("Accepted and ignored.", "boolean"), "default": "true"},
    "quotaUser": _query("Accepted and ignored."),
    "$.xgafv": {**_query("Error format."), "enum": ["1", "2"]},
}


def _method(name: str, request: str, response: str, description: str) -> dict[str, Any]:
    path = f"v1alpha1/comments:{name}"
    return {
        "id": f"commentanalyzer.comments.{name}",
        "path": path,
        "flatPath": path,
        "httpMethod": "POST",
        "description": description,
        "parameters": {},
        "parameterOrder": [],
        "request": {"$ref": request},
        "response": {"$ref": response},
    }


def discovery_document(root_url: str) -> dict[str, Any]:
    """The discovery document with every URL under ``root_url`` (which ends with ``/``)."""
    return {
        "kind": "discovery#restDescription",
        "discoveryVersion": "v1",
        "id": "commentanalyzer:v1alpha1",
        "name": "commentanalyzer",
        "canonicalName": "Comment Analyzer",
        "version": "v1alpha1",
        "revision": "threadguard",
        "title": "Perspective Comment Analyzer API (served by ThreadGuard)",
        "description": "Perspective-compatible comment scoring by a self-hosted ThreadGuard.",
        "ownerDomain": "threadguard",
        "ownerName": "ThreadGuard",
        "documentationLink": f"{root_url}openapi.json",  # /docs is off (it loads a CDN)
        "protocol": "rest",
        "rootUrl": root_url,
        "servicePath": "",
        "basePath": "",
        "baseUrl": root_url,
        "parameters": PARAMETERS,
        "schemas": SCHEMAS,
        "resources": {
            "comments": {
                "methods": {
                    "analyze": _method(
                        "analyze",
                        "AnalyzeCommentRequest",
                        "AnalyzeCommentResponse",
                        "Scores a comment for the requested attributes.",
                    ),
                    "suggestscore": _method(
                        "suggestscore",
                        "SuggestCommentScoreRequest",
                        "SuggestCommentScoreResponse",
                        "Records the scores a client suggests for a comment.",
                    ),
                }
            }
        },
    }


#: The root URL when none is configured: ``threadguard serve``'s default address.
#: (``serve`` itself always configures one, from its own address if need be.)
DEFAULT_ROOT = "http://127.0.0.1:8080/"


def root_url(public_url: str | None) -> str:
    """This server's root URL as clients reach it: the configured public URL, always
    ending in ``/``.

    Never the request's ``Host`` header: anyone can send any ``Host``, and a document
    whose ``rootUrl`` a caller chose, kept by a cache on the way, would send other
    clients' requests -- and their API keys -- to that caller's server.
    """
    url = public_url or DEFAULT_ROOT
    return url if url.endswith("/") else url + "/"


def build_router(ctx: Dependency) -> APIRouter:
    """``GET /$discovery/rest?version=v1alpha1`` and Google's older discovery path.

    No key is needed, as with Google: the document says nothing secret, and the client
    fetches it before it sends any key-bearing call.
    """
    router = APIRouter(tags=["perspective"])

    async def document(
        request: Request, context: Annotated[ServiceContext, Depends(ctx)]
    ) -> JSONResponse:
        version = request.query_params.get("version", "v1alpha1")
        if version != "v1alpha1":
            return JSONResponse(
                {
                    "error": {
                        "code": 404,
                        "message": f"Discovery document not found for API service: "
                        f"commentanalyzer.googleapis.com format: rest version: {version}",
                        "status": "NOT_FOUND",
                    }
                },
                404,
            )
        return JSONResponse(discovery_document(root_url(context.settings.public_url)))

    router.add_api_route("/$discovery/rest", document, methods=["GET"], include_in_schema=False)
    router.add_api_route(
        "/discovery/v1/apis/commentanalyzer/v1alpha1/rest",
        document,
        methods=["GET"],
        include_in_schema=False,
    )
    return router
