"""A NixOS release's options and packages in SQLite: build, look up, search.

Start with ``open_knowledge(release)``; it builds the database on first use.
"""

from nixwright.knowledge.access import default_release, open_knowledge, prepare_database
from nixwright.knowledge.modules import ImportedModule
from nixwright.knowledge.store import KnowledgeBase

__all__ = ["ImportedModule", "KnowledgeBase", "default_release", "open_knowledge", "prepare_database"]
