"""Renderers: generic, kind-agnostic writers of DOCX, XLSX and PDF bytes."""
