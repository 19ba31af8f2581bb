"""Printed documents, laid out once with reportlab (no Qt).

fonts     the embedded CJK font, registered once
barcodes  python-barcode's module patterns, drawn as vector bars
roll      a small builder for roll-paper documents (receipts, slips)
receipt   the sales receipt and the shift-close slip
"""
