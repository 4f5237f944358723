"""The wire format (v1), declared once. The OpenAPI document and the JSON Schemas in
``schemas/`` are generated from these classes (``quoteapi schemas``)."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, missing, validate

from .offsets import OFFSET_MODES
from .extract.vocab import DEFAULT_MODES, Mode, QuoteType, Rule, SpeakerFrom, SpeakerKind

MODES = Mode.values()

FORMATS = ("text", "html")


class StrictBoolean(fields.Boolean):
    """JSON ``true`` or ``false``; not 0, 1 or "yes", which a plain Boolean would take."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class QuoteRequestSchema(Schema):
    """A JSON request to ``POST /v1/quotes``."""

    text = fields.String(required=True,
                         metadata={"description": "The article, plain text or HTML. An empty draft gets no quotes."})
    format = fields.String(load_default="text", validate=validate.OneOf(FORMATS),
                           metadata={"description": "`html` reduces markup to text, paragraph breaks kept."})
    id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=512),
                       metadata={"description": "Echoed back in the response."})
    modes = fields.List(fields.String(validate=validate.OneOf(MODES)), load_default=[m.value for m in DEFAULT_MODES],
                        validate=validate.Length(min=1),
                        metadata={"description": "Attribution modes to return (default speech and writing)."})
    provenance = StrictBoolean(load_default=False,
                                metadata={"description": "Add `rule` and `speaker_from` to every quote."})
    offsets = fields.String(load_default="codepoint", validate=validate.OneOf(OFFSET_MODES),
                            metadata={"description": "`codepoint` (default: Python string offsets) or `utf16` "
                                                     "(UTF-16 code units: what JavaScript strings index)."})


def parse_modes(value: str) -> list[str]:
    """Modes from a comma-separated list, in order, each once; ValueError when one is unknown.

    >>> parse_modes("thought, speech,thought")
    ['thought', 'speech']
    """
    modes = list(dict.fromkeys(m.strip() for m in value.split(",") if m.strip()))
    bad = [m for m in modes if m not in MODES]
    if bad or not modes:
        raise ValueError(f"modes are a comma-separated list of {', '.join(MODES)}; got {value!r}")
    return modes


class CommaSeparatedModes(fields.String):
    """``speech,thought`` in a query string → ``["speech", "thought"]``."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return parse_modes(super()._deserialize(value, attr, data, **kwargs))
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


_MODE_LIST = "^ *(" + "|".join(MODES) + ") *(, *(" + "|".join(MODES) + ") *)*$"


class QueryOptionsSchema(Schema):
    """Options in the query string of ``POST /v1/quotes``. With a raw text/plain or text/html
    body they are the only options; with a JSON body, fields of the body win over them."""

    format = fields.String(validate=validate.OneOf(FORMATS),
                           metadata={"description": "`html` reduces markup to text (default: from the Content-Type)."})
    id = fields.String(validate=validate.Length(max=512), metadata={"description": "Echoed back in the response."})
    modes = CommaSeparatedModes(metadata={"description": "Comma-separated modes, e.g. `speech,thought`.",
                                          "pattern": _MODE_LIST})
    provenance = fields.Boolean(metadata={"description": "Add `rule` and `speaker_from` to every quote."})
    offsets = fields.String(validate=validate.OneOf(OFFSET_MODES),
                            metadata={"description": "`codepoint` (default) or `utf16` for JavaScript clients."})


class SpanSchema(Schema):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True)


class _ThroughEntity(Schema):
    """Dumps fields read through an optional entity (``entity.name``) as null when it is absent."""

    def get_attribute(self, obj, attr, default):
        value = super().get_attribute(obj, attr, default)
        return None if value is missing else value


class QuoteSpeakerSchema(_ThroughEntity):
    """Dumps a :class:`~quoteapi.extract.types.Mention` and the entity it resolves to."""

    text = fields.String(required=True, metadata={"description": "The mention attached to this quote, as written."})
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    name = fields.String(attribute="entity.name", required=True, allow_none=True,
                         metadata={"description": "Resolved canonical name (for a document: whoever issued it, when the text says)."})
    entity = fields.String(attribute="entity.id", required=True, allow_none=True, metadata={"description": "Id in `speakers`."})
    kind = fields.Enum(SpeakerKind, by_value=True, required=True,
                       metadata={"description": "What the mention is: `document` for a statement, report or letter "
                                                "(its quotes are writing), `group` for several speakers."})
    title = fields.String(attribute="entity.title", required=True, allow_none=True)
    affiliation = fields.String(attribute="entity.affiliation", required=True, allow_none=True)


class CueSchema(Schema):
    text = fields.String(required=True)
    lemma = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class OutletSchema(Schema):
    name = fields.String(attribute="text", required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class QuoteSchema(Schema):
    """Dumps a :class:`~quoteapi.extract.types.Quote`."""

    id = fields.String(required=True)
    type = fields.Enum(QuoteType, by_value=True, required=True)
    mode = fields.Enum(Mode, by_value=True, required=True)
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    parts = fields.List(fields.Nested(SpanSchema), required=True)
    speaker = fields.Nested(QuoteSpeakerSchema, required=True, allow_none=True)
    cue = fields.Nested(CueSchema, required=True, allow_none=True)
    outlet = fields.Nested(OutletSchema, required=True, allow_none=True)
    confidence = fields.Float(required=True, validate=validate.Range(0, 1))
    within = fields.String(required=True, allow_none=True,
                           metadata={"description": "The id of the quote whose content reports this one "
                                                    "(`she said she believes that …`), or null."})
    rule = fields.Enum(Rule, by_value=True,
                       metadata={"description": "With provenance: the construction that produced the quote."})
    speaker_from = fields.Enum(SpeakerFrom, by_value=True, allow_none=True,
                               metadata={"description": "With provenance: how the speaker was found."})


class MentionSchema(SpanSchema):
    """A mention of a speaker as written."""


class SpeakerSchema(_ThroughEntity):
    """Dumps an entity as one response lists it (:class:`quoteapi.service.Speaking`)."""

    id = fields.String(attribute="entity.id", required=True)
    name = fields.String(attribute="entity.name", required=True)
    kind = fields.Enum(SpeakerKind, attribute="entity.kind", by_value=True, required=True)
    title = fields.String(attribute="entity.title", required=True, allow_none=True)
    affiliation = fields.String(attribute="entity.affiliation", required=True, allow_none=True)
    members = fields.List(fields.String(), required=True,
                          metadata={"description": "For a group of coordinated speakers (`Smith and Jones said`): "
                                                   "the ids of its members, each of whom lists the quote too."})
    quotes = fields.List(fields.String(), required=True)
    mentions = fields.List(fields.Nested(MentionSchema), attribute="entity.mentions", required=True)


class MetaSchema(Schema):
    version = fields.String(required=True)
    model = fields.String(required=True)
    elapsed_ms = fields.Float(required=True)
    modes = fields.List(fields.Enum(Mode, by_value=True), required=True)


class QuoteResponseSchema(Schema):
    id = fields.String(required=True, allow_none=True)
    text = fields.String(metadata={"description": "For HTML input: the plain text that offsets point into."})
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)
    speakers = fields.List(fields.Nested(SpeakerSchema), required=True)
    meta = fields.Nested(MetaSchema, required=True)


class BatchRequestSchema(Schema):
    """A JSON request to ``POST /v1/quotes/batch``: documents shaped like single requests."""

    documents = fields.List(fields.Nested(QuoteRequestSchema), required=True, validate=validate.Length(min=1),
                            metadata={"description": "The articles, each `{text, id?, format?, modes?, provenance?}`; "
                                                     "at most QUOTEAPI_BATCH_MAX_DOCS (default 64)."})
    offsets = fields.String(load_default="codepoint", validate=validate.OneOf(OFFSET_MODES),
                            metadata={"description": "`codepoint` (default) or `utf16`, for every document."})


class ErrorBodySchema(Schema):
    code = fields.String(required=True)
    message = fields.String(required=True)
    fields_ = fields.Dict(data_key="fields", metadata={"description": "Per-field messages (422)."})


class ErrorSchema(Schema):
    error = fields.Nested(ErrorBodySchema, required=True)


class BatchResultSchema(Schema):
    """One document's answer: its response, or its error; the others are not affected."""

    id = fields.String(required=True, allow_none=True)
    status = fields.Integer(required=True, metadata={"description": "200, or the status the document alone would get."})
    result = fields.Nested(QuoteResponseSchema, required=True, allow_none=True)
    error = fields.Nested(ErrorBodySchema, required=True, allow_none=True)


class BatchResponseSchema(Schema):
    results = fields.List(fields.Nested(BatchResultSchema), required=True,
                          metadata={"description": "One per document, in the order sent."})


class HealthSchema(Schema):
    status = fields.String(required=True)
    model = fields.String(required=True)
    version = fields.String(required=True)
