# %postun ($1 = 0: erase): forget the install receipt.
if [ "$1" = "0" ]; then
  rm -rf /var/lib/ownvoice
fi
exit 0
