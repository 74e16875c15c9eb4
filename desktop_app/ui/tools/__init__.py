"""The Tools menu: Chase owners and Impact statistics."""
