"""Where the copied fixtures live (importable by every test module)."""

from __future__ import annotations

from pathlib import Path

from ami_facts.evaluate import gold_name, gold_split

FIXTURES = Path(__file__).parent / "fixtures"
GOLD_DIR = FIXTURES / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
SEED_GOLD = GOLD_DIR / "citroen-ami-emancipation.gold.json"
# The two halves of the gold (ami_facts.evaluate.gold_split): misses are read on the
# dev half only; the blind half's scores are read, never its misses.
DEV_GOLD = [path for path in GOLD_FILES if gold_split(gold_name(path)) == "dev"]
BLIND_GOLD = [path for path in GOLD_FILES if gold_split(gold_name(path)) == "blind"]
