# %postun ($1 = 0: erase): forget the install receipt; remove /etc/ownvoice when rpm left
# it empty (a changed policy.json is kept as policy.json.rpmsave, and so is the folder).
if [ "$1" = "0" ]; then
  rm -rf /var/lib/ownvoice
  rmdir /etc/ownvoice 2>/dev/null || true
fi
exit 0
