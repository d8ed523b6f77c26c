"""Where the copied fixtures live (importable by every test module)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
GOLD_DIR = FIXTURES / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
SEED_GOLD = GOLD_DIR / "citroen-ami-emancipation.gold.json"
