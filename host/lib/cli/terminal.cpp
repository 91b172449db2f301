// Being written (lead): see the header next to this file.
