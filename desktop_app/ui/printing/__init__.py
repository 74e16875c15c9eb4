"""File > Print / export: choosing a document, previewing it, saving or printing it."""
