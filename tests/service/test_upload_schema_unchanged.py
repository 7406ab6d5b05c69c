"""The upload answer's ``unchanged`` flag is documented in the OpenAPI schema."""

from __future__ import annotations

from service_support import Service


def test_openapi_documents_the_unchanged_flag_of_an_uploaded_comment(service: Service) -> None:
    spec = service.client.get("/openapi.json").json()
    comment = spec["components"]["schemas"]["ThreadComment"]["properties"]
    assert "unchanged" in comment
    description = comment["unchanged"].get("description", "")
    assert "uploaded again as it is stored" in description
    assert "not scored or decided again" in description
    job = spec["components"]["schemas"]["JobOut"]["properties"]["result"]["description"]
    assert "unchanged" in job
