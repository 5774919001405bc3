"""The workshop's model and rules in plain Python: no Qt, no SQL, no templates."""
