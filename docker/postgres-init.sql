-- Databases for the compose stack. Synapse needs C collation.
CREATE DATABASE synapse ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE peerlink;
