"""Analysis: one cleaned Document to the statements, meetings, figures and pledges it holds.

`analyzer.analyze` runs the extractors over one shared reading of the page (`page.Page`).
"""
