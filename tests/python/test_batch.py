"""Rulebook.run_batch (the CLI's evaluate --batch) and the scenarios beside the rules (rules test)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
from pathlib import Path

import pytest

import candour
from conftest import FOIA_RULES, MOPAC

CLI = os.environ.get("CANDOUR_CLI")


@pytest.fixture()
def batch_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(MOPAC, folder / "a.yaml")
    shutil.copy(MOPAC, folder / "b.yaml")
    (folder / "broken.yaml").write_text("case: [\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a case\n", encoding="utf-8")
    return folder


def test_batch_cases(batch_folder: Path) -> None:
    files = candour.batch_cases(batch_folder)
    assert [f.name for f in files] == ["a.yaml", "b.yaml", "broken.yaml"]
    listing = batch_folder / "list.txt"
    listing.write_text("# two of them\nb.yaml\n\na.yaml\n", encoding="utf-8")
    assert [f.name for f in candour.batch_cases(listing)] == ["b.yaml", "a.yaml"]
    with pytest.raises(candour.LoadError) as info:
        candour.batch_cases(batch_folder / "absent")
    assert [d.code for d in info.value.diagnostics] == ["P102"]


def test_run_batch_writes_and_reports(rules: candour.Rulebook, batch_folder: Path, tmp_path: Path) -> None:
    seen: list[candour.BatchResult] = []
    out = tmp_path / "out"
    summary = rules.run_batch(candour.batch_cases(batch_folder), format="json", jobs=2, out_dir=out,
                              on_result=seen.append)
    assert (summary.total, summary.evaluated, summary.failed, summary.cancelled) == (3, 3, 1, False)
    assert summary.not_started == 0 and str(summary) == "3 evaluated, 1 failed"
    assert sorted(r.index for r in seen) == [0, 1, 2]
    by_name = {r.name: r for r in seen}
    assert by_name["a"].decided and by_name["a"].case_file.name == "a.yaml"
    assert by_name["a"].written == out / "a.json"
    assert (out / "a.json").read_text(encoding="utf-8") == by_name["a"].output
    expected = rules.evaluate(candour.Case.load(batch_folder / "b.yaml", rules)).render("json")
    assert by_name["b"].output == expected
    broken = by_name["broken"]
    assert not broken.decided and broken.output == "" and broken.diagnostics[0].code == "P101"
    assert broken.written == out / "broken.diagnostics.txt"
    assert repr(broken) == "BatchResult(index=2, name='broken', decided=False)"
    # durable=False skips the flush to disk only: the same files, no temporary left behind.
    quick = tmp_path / "quick"
    rules.run_batch(candour.batch_cases(batch_folder), format="json", jobs=2, out_dir=quick, durable=False)
    assert sorted(p.name for p in quick.iterdir()) == sorted(p.name for p in out.iterdir())
    assert (quick / "a.json").read_text(encoding="utf-8") == by_name["a"].output


def test_run_batch_options(rules: candour.Rulebook) -> None:
    seen: list[candour.BatchResult] = []
    rules.run_batch([MOPAC, str(MOPAC)], format="notice", language="en", as_of="2018-06-01", jobs=1,
                    on_result=seen.append)
    assert [r.name for r in sorted(seen, key=lambda r: r.index)] == ["case", "case-2"]
    assert all(r.written is None for r in seen)
    decision = rules.evaluate(candour.Case.load(MOPAC), as_of="2018-06-01")
    assert seen[0].output == decision.render("notice")
    failed: list[candour.BatchResult] = []
    rules.run_batch([MOPAC], format="notice", language="fr", on_result=failed.append)
    assert not failed[0].decided and "no notice wording in 'fr'" in failed[0].diagnostics[0].message
    with pytest.raises(ValueError, match="jobs"):
        rules.run_batch([MOPAC], jobs=0)
    with pytest.raises(ValueError, match="unknown format"):
        rules.run_batch([MOPAC], format="pdf")
    with pytest.raises(TypeError, match="case file paths"):
        rules.run_batch([MOPAC, 3])  # type: ignore[list-item]


@pytest.mark.skipif(not CLI, reason="the CLI was not built")
def test_run_batch_writes_what_the_cli_writes(rules: candour.Rulebook, batch_folder: Path, tmp_path: Path) -> None:
    assert CLI
    subprocess.run([CLI, "evaluate", "--batch", str(batch_folder), "--rules", str(FOIA_RULES), "--format", "record",
                    "--out", str(tmp_path / "cli")], capture_output=True, check=False)
    rules.run_batch(candour.batch_cases(batch_folder), out_dir=tmp_path / "py")
    cli_files = sorted(p.name for p in (tmp_path / "cli").iterdir())
    assert cli_files == sorted(p.name for p in (tmp_path / "py").iterdir())
    for name in cli_files:
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name


def test_cancel_stops_new_cases(rules: candour.Rulebook) -> None:
    stop = threading.Event()
    stop.set()
    summary = rules.run_batch([MOPAC] * 50, cancel=stop)
    assert summary.cancelled and summary.evaluated == 0 and summary.not_started == 50
    assert str(summary).endswith("50 not started (interrupted)")

    stop = threading.Event()
    seen: list[int] = []

    def first_stops(r: candour.BatchResult) -> None:
        seen.append(r.index)
        stop.set()

    summary = rules.run_batch([MOPAC] * 2000, jobs=1, cancel=stop, on_result=first_stops)
    assert summary.cancelled and 1 <= summary.evaluated < 2000 and len(seen) == summary.evaluated


def test_callback_error_stops_the_batch(rules: candour.Rulebook) -> None:
    calls = 0

    def fail(r: candour.BatchResult) -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError(f"stop at {r.name}")

    with pytest.raises(RuntimeError, match="stop at"):
        rules.run_batch([MOPAC] * 500, jobs=2, on_result=fail)
    assert calls == 1


def test_ctrl_c_cancels_then_raises(rules: candour.Rulebook) -> None:
    seen: list[int] = []

    def interrupt_once(r: candour.BatchResult) -> None:
        seen.append(r.index)
        if len(seen) == 1:  # Ctrl-C, as the terminal sends it, once the batch is under way
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        rules.run_batch([MOPAC] * 20_000, jobs=1, on_result=interrupt_once)
    assert 1 <= len(seen) < 20_000


# ---- scenarios ----------------------------------------------------------------------------

def test_scenarios_pass(rules: candour.Rulebook) -> None:
    scenarios = rules.load_scenarios(FOIA_RULES)
    assert len(scenarios) > 100
    results = [rules.run_scenario(s) for s in scenarios]
    assert all(r.passed and r.failures == [] for r in results), [r.failures for r in results if not r.passed][:3]
    s = scenarios[0]
    assert s.name == results[0].name and s.where == results[0].where
    assert s.where.file.endswith(".yaml") and s.covers
    assert s.case.regime == "uk-foia-2000" and s.case.items
    assert set(s.expect.items.values()) <= {"disclose", "withhold", "neither-confirm-nor-deny", "not-held",
                                            "undecided"}
    assert set(s.expect.statements.values()) <= {"accepted", "rejected", "undecided"}
    assert repr(s).startswith("Scenario(name=") and repr(results[0]).endswith("passed=True)")
    # The scenario's expectation agrees with evaluating its case directly.
    d = rules.evaluate(s.case, as_of=s.as_of)
    for item_id, outcome in s.expect.items.items():
        assert d.item(item_id).outcome == outcome
    with_outcome = next(x for x in scenarios if x.expect.outcome is not None)
    assert rules.evaluate(with_outcome.case, as_of=with_outcome.as_of).outcome == with_outcome.expect.outcome
    assert any(x.expect.flags for x in scenarios) and any(x.expect.no_flags for x in scenarios)


def test_a_failing_scenario(rules: candour.Rulebook, tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "wrong.yaml").write_text(
        "scenarios:\n"
        "  - name: expects the wrong outcome\n"
        "    covers: [s.31(1)(a)]\n"
        "    as_of: 2019-06-01\n"
        "    case:\n"
        "      id: wrong\n"
        "      regime: uk-foia-2000\n"
        "      request: {received: 2019-05-01, wording: Please send the list.}\n"
        "      items: [{id: A1, description: Payroll system}]\n"
        "    expect:\n"
        "      outcome: refusal\n"
        "      items: {A1: withhold}\n"
        "      flags: [F999]\n", encoding="utf-8")
    (scenario,) = rules.load_scenarios(tmp_path)
    assert scenario.as_of is not None and str(scenario.as_of) == "2019-06-01"
    assert scenario.expect.outcome == "refusal" and scenario.expect.flags == ["F999"]
    result = rules.run_scenario(scenario)
    assert not result.passed and len(result.failures) == 3


def test_scenario_load_errors(rules: candour.Rulebook, tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "bad.yaml").write_text("scenarios: [\n", encoding="utf-8")
    with pytest.raises(candour.LoadError) as info:
        rules.load_scenarios(tmp_path)
    assert info.value.diagnostics[0].code == "P101"
    with pytest.raises(candour.LoadError):
        rules.load_scenarios(tmp_path, limits=candour.LoadLimits(max_file_bytes=1))
