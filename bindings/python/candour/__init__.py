"""candour: Freedom of Information disclosure decisions as reasoned, checkable justifications.

The whole API lives in the compiled module :mod:`candour._core` and is re-exported here::

    import candour
    rules = candour.Rulebook.load()
    case = candour.Case.load("examples/mopac-it-systems/case.yaml")
    decision = rules.evaluate(case)
    print(decision.outcome)            # "partial"
    print(decision.render("notice"))

See docs/python.md for the full API.
"""

from candour._core import (
    OUTPUT_FORMATS,
    REQUESTER_FACING_FORMATS,
    AggregateFinding,
    Argument,
    Authority,
    Case,
    Citation,
    Claim,
    ClaimFinding,
    Counterfactual,
    Deadline,
    Decision,
    Diagnostic,
    Error,
    Evidence,
    EvidenceGrade,
    Factor,
    FactorAssessment,
    Flag,
    Graph,
    IrrelevantFactor,
    Item,
    ItemFinding,
    LikelihoodThreshold,
    LoadError,
    NotFoundError,
    Notice,
    NoticeRequirement,
    Provision,
    Regime,
    RenderError,
    Request,
    Rulebook,
    SourceLocation,
    Statement,
    __version__,
    bundled_rules_dir,
)

__all__ = [
    "OUTPUT_FORMATS",
    "REQUESTER_FACING_FORMATS",
    "AggregateFinding",
    "Argument",
    "Authority",
    "Case",
    "Citation",
    "Claim",
    "ClaimFinding",
    "Counterfactual",
    "Deadline",
    "Decision",
    "Diagnostic",
    "Error",
    "Evidence",
    "EvidenceGrade",
    "Factor",
    "FactorAssessment",
    "Flag",
    "Graph",
    "IrrelevantFactor",
    "Item",
    "ItemFinding",
    "LikelihoodThreshold",
    "LoadError",
    "NotFoundError",
    "Notice",
    "NoticeRequirement",
    "Provision",
    "Regime",
    "RenderError",
    "Request",
    "Rulebook",
    "SourceLocation",
    "Statement",
    "__version__",
    "bundled_rules_dir",
]
