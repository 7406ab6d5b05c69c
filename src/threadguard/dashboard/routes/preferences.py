"""``POST /preferences``: a moderator's reading settings (blur severe comments, mask
slurs), kept in the store so they follow the moderator from browser to browser."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.forms import read_form
from threadguard.dashboard.signin import Checked, store_of
from threadguard.dashboard.web import local_path

router = APIRouter()

#: The settings, each a checkbox (absent from the form: off).
SETTINGS = ("blur_severe", "mask_slurs")


@router.post("/preferences")
async def save_preferences(request: Request, user: Checked) -> Response:
    form = await read_form(request)
    changes = {name: form.get(name) == "1" for name in SETTINGS}
    await run_in_threadpool(store_of(request).set_preferences, user.name, changes)
    return RedirectResponse(local_path(form.get("back", "/")), 303)
