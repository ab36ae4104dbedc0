"""A browser tab as Streamlit's frontend speaks to the server, for benchmarks/load.py.

The protobufs are the installed ``streamlit`` package's own (``BackMsg``, ``ForwardMsg``,
``WidgetStates``); the websocket and HTTP clients are tornado's (it ships with Streamlit).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

__all__ = ["ACTION_TIMEOUT", "LoadError", "Run", "Session"]

ACTION_TIMEOUT = 120.0  # a guard against a hung server, not a budget
AsyncHTTPClient.configure(None, max_clients=1000)  # one download per session at a time


class LoadError(Exception):
    """An action that did not complete: a failed run, a page error, a bad download."""


@dataclass
class Run:
    """One script run as the server sent it: its elements, errors and duration."""

    elements: list[Element] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def texts(self, kind: str) -> list[str]:
        """The bodies of this run's elements of one kind (``markdown``, ``heading`` ...)."""
        return [getattr(e, kind).body for e in self.elements if e.WhichOneof("type") == kind]


class Session:
    """One browser tab, as Streamlit's frontend talks to the server."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = AsyncHTTPClient()
        self.cookie = ""
        self.session_id = ""
        self.query = ""  # the URL's query string, as the server last set it
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.page_hash = ""
        self.widgets: dict[str, WidgetState] = {}  # the values this user has set
        self.last = Run()
        self._cache: dict[str, ForwardMsg] = {}  # cacheable messages by hash
        self._run: Run | None = None
        self._finished: asyncio.Future | None = None
        self._responses: dict[str, asyncio.Future] = {}
        self._ws = None
        self._reader: asyncio.Task | None = None

    async def connect(self) -> None:
        """The frontend's handshake: health (sets the XSRF cookie), host config, socket."""
        health = await self.http.fetch(self.base_url + "/_stcore/health")
        cookies = SimpleCookie()
        for header in health.headers.get_list("Set-Cookie"):
            cookies.load(header)
        if "_streamlit_xsrf" not in cookies:
            raise LoadError("the server set no XSRF cookie (is XSRF protection on?)")
        xsrf = cookies["_streamlit_xsrf"].value
        # Every cookie back, as a browser does (a proxy's cookie names the worker process).
        self.cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
        await self.http.fetch(self.base_url + "/_stcore/host-config", headers=self._headers())
        request = HTTPRequest(
            "ws" + self.base_url.removeprefix("http") + "/_stcore/stream",
            headers={**self._headers(), "Origin": self.base_url},
        )
        self._ws = await websocket_connect(request, subprotocols=["streamlit", xsrf])
        self._reader = asyncio.create_task(self._read())

    async def open(self, page: str, query: str | None = None) -> Run:
        """Open a page (its URL path; ``overview`` is the app's root), optionally with a
        link's query string, as a click in the navigation (or loading the link) does."""
        path = "" if page == "overview" else page
        if query is not None:
            self.query = query
        if self.pages:
            return await self.rerun(page_hash=self.pages[path])
        return await self.rerun(page_name=path)  # the first run: the URL names the page

    async def choose(self, label: str, values: list) -> Run:
        """Set a multiselect's options or a slider's range, as the user does."""
        element = self.widget(label)
        kind = element.WhichOneof("type")
        state = WidgetState(id=getattr(element, kind).id)
        if kind == "multiselect":
            state.string_array_value.data.extend(values)
        elif kind == "slider":
            state.double_array_value.data.extend(float(v) for v in values)
        else:
            raise LoadError(f"{label!r} is a {kind}, not a multiselect or slider")
        self.widgets[state.id] = state
        self._bind_to_url(getattr(element, kind), values)
        return await self.rerun()

    def _bind_to_url(self, widget, values: list) -> None:
        """Put a widget bound to the URL into the query string (the frontend does)."""
        key = widget.query_param_key
        if not key:
            return
        query = [(k, v) for k, v in parse_qsl(self.query, keep_blank_values=True) if k != key]
        if isinstance(widget, Slider) and widget.type == Slider.SELECT_SLIDER:  # labels
            default = [widget.options[int(i)] for i in widget.default]
            values = [] if list(values) == default else [str(v) for v in values]
        elif isinstance(widget, Slider):
            values = [] if values == [widget.min, widget.max] else [f"{v:g}" for v in values]
        self.query = urlencode(query + [(key, str(v)) for v in values])

    def value(self, label: str) -> list:
        """A multiselect's options or a slider's range as this tab shows them."""
        element = self.widget(label)
        widget = getattr(element, element.WhichOneof("type"))
        state = self.widgets.get(widget.id)
        if element.HasField("multiselect"):
            return list(state.string_array_value.data) if state else []
        return list(state.double_array_value.data) if state else [widget.min, widget.max]

    async def click(self, label: str) -> Run:
        """Click a button: a run with its trigger set."""
        return await self.rerun([WidgetState(id=self.widget(label).button.id, trigger_value=True)])

    async def download(self, label: str = "Download CSV") -> tuple[bytes, float, Run | None]:
        """Click a download button: the file fetched (its URL asked of the server first
        when it is made on click), and the click's run unless the button reruns nothing.
        Returns the file, its seconds and that run."""
        buttons = [
            e.download_button
            for e in self.last.elements
            if e.WhichOneof("type") == "download_button" and e.download_button.label == label
        ]
        if not buttons:
            raise LoadError(f"no {label!r} button on the page")
        button = buttons[0]
        start = time.perf_counter()
        click = None
        if not button.ignore_rerun:  # the frontend sends the click first
            trigger = WidgetState(id=button.id, trigger_value=True)
            click = asyncio.ensure_future(self.rerun([trigger]))
        url = button.url or await self._deferred_url(button.deferred_file_id)
        got = await self.http.fetch(self.base_url + url, headers=self._headers())
        seconds = time.perf_counter() - start
        return got.body, seconds, (await click if click is not None else None)

    async def _deferred_url(self, file_id: str) -> str:
        """The URL of a file made on click, as the server answers for it."""
        request = BackMsg()
        operation = request.backend_operation_request
        operation.request_id, operation.session_id = uuid.uuid4().hex, self.session_id
        operation.deferred_file.file_id = file_id
        answer = self._responses[operation.request_id] = asyncio.get_running_loop().create_future()
        await self._send(request)
        response = await asyncio.wait_for(answer, ACTION_TIMEOUT)
        if response.error_msg:
            raise LoadError(f"download refused: {response.error_msg}")
        return response.deferred_file.url

    async def rerun(
        self, triggers: list[WidgetState] | None = None, page_hash: str = "", page_name: str = ""
    ) -> Run:
        """Ask for a script run with the current query string and widget states; the run,
        once the server says it finished."""
        if self._finished is not None and not self._finished.done():
            raise LoadError("a run is still going")
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = page_hash or self.page_hash
        state.page_name = page_name
        state.widget_states.widgets.extend([*self.widgets.values(), *(triggers or [])])
        state.cached_message_hashes.extend(self._cache)
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-GB"
        info.url = f"{self.base_url}/" + (f"?{self.query}" if self.query else "")
        info.is_embedded, info.color_scheme = False, "light"
        self._run, self._finished = Run(), asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        await self._send(message)
        run = await asyncio.wait_for(self._finished, ACTION_TIMEOUT)
        run.seconds = time.perf_counter() - start
        self.last = run
        self._forget_gone_widgets(run)
        if run.errors:
            raise LoadError("; ".join(run.errors))
        return run

    def widget(self, label: str) -> Element:
        """The last run's widget with this label."""
        for element in self.last.elements:
            kind = element.WhichOneof("type")
            widget = getattr(element, kind) if kind else None
            if getattr(widget, "label", None) == label and getattr(widget, "id", ""):
                return element
        raise LoadError(f"no widget labelled {label!r} on the page")

    async def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
        if self._reader is not None:
            await asyncio.wait([self._reader], timeout=10)

    def _headers(self) -> dict[str, str]:
        return {"Cookie": self.cookie}

    async def _send(self, message: BackMsg) -> None:
        await self._ws.write_message(message.SerializeToString(), binary=True)

    def _forget_gone_widgets(self, run: Run) -> None:
        """Drop the states of widgets the run did not show (the frontend does too)."""
        shown = {
            getattr(getattr(e, e.WhichOneof("type")), "id", "")
            for e in run.elements
            if e.WhichOneof("type")
        }
        self.widgets = {k: v for k, v in self.widgets.items() if k in shown}

    def _take_value(self, element: Element) -> None:
        widget = getattr(element, element.WhichOneof("type"))
        state = WidgetState(id=widget.id)
        if element.HasField("multiselect"):
            values = list(widget.raw_values)
            state.string_array_value.data.extend(values)
        elif widget.type == Slider.SELECT_SLIDER:  # its value: the options' labels
            values = list(widget.raw_value)
            state.string_array_value.data.extend(values)
        else:
            values = list(widget.value)
            state.double_array_value.data.extend(values)
        self.widgets[state.id] = state
        self._bind_to_url(widget, values)

    async def _read(self) -> None:
        while True:
            data = await self._ws.read_message()
            if data is None:
                break
            message = ForwardMsg.FromString(data)
            if message.WhichOneof("type") == "ref_hash":  # a message we told it we have
                cached = ForwardMsg()
                cached.CopyFrom(self._cache[message.ref_hash])
                cached.metadata.CopyFrom(message.metadata)
                message = cached
            elif message.metadata.cacheable:
                self._cache[message.hash] = message
            self._handle(message)
        closed = LoadError("the server closed the connection")
        for future in [self._finished, *self._responses.values()]:
            if future is not None and not future.done():
                future.set_exception(closed)

    def _handle(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        run = self._run
        if kind == "new_session":
            self.session_id = message.new_session.initialize.session_id
            if run is not None:
                run.elements.clear()  # a run that restarted (st.rerun) starts over
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in message.navigation.app_pages}
            self.page_hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "delta" and run is not None and message.delta.HasField("new_element"):
            self._element(run, message.delta.new_element)
        elif kind == "page_not_found" and run is not None:
            run.errors.append(f"page not found: {message.page_not_found.page_name!r}")
        elif kind == "backend_operation_response":
            future = self._responses.pop(message.backend_operation_response.request_id, None)
            if future is not None and not future.done():
                future.set_result(message.backend_operation_response)
        elif kind == "script_finished" and run is not None:
            status = message.script_finished
            if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return  # the same request runs again at once
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                run.errors.append("the script did not compile")
            if self._finished is not None and not self._finished.done():
                self._finished.set_result(run)

    def _element(self, run: Run, element: Element) -> None:
        run.elements.append(element)
        kind = element.WhichOneof("type")
        if kind in ("multiselect", "slider") and getattr(element, kind).set_value:
            self._take_value(element)  # the server set it (a link, a reset): the tab shows it
        if kind == "exception":
            run.errors.append(f"{element.exception.type}: {element.exception.message}")
        elif kind == "alert" and element.alert.format == element.alert.ERROR:
            run.errors.append(f"error on the page: {element.alert.body[:200]}")
