INSERT INTO birim (id, kod, ad) VALUES (1, 'A', 'B');
