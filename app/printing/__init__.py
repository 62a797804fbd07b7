"""Printed documents (ReportLab, Qt-free): one module per document."""
