"""The canvas: its model, the guarded reader and the loader, the schema, editing in
place, the starter, and finding canvas files."""
