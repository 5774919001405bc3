"""A child process that holds a workshop open for writing until told to stop (for tests)."""

HOLDER = """
import sys
from workshop_app.store.workshop_file import WorkshopFile
opened = WorkshopFile.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
opened.close()
"""
