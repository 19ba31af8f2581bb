"""Old Excel books in, and the shop's books out to Excel (no Qt here).

reading   a file to rows: .xlsx/.xls/.ods through python-calamine, CSV in
          UTF-8 or GB18030; every safety check before any parsing
mapping   the header row found, its columns mapped to fields by synonyms
cleansing a cell to a value, and what was done to it
pipeline  read -> header -> map -> cleanse -> validate: the preview; commit
exporting the shop's lists to .xlsx that the import reads back
"""
