-- Product search folds Arabic-Indic and Persian digits to Latin ones (lib/text/search.ts), so "٦"
-- finds "6" and "٢٥٠" finds a description that says 250. The stored folded text of existing
-- products gets the same treatment once.
UPDATE products
   SET search_text = translate(search_text, '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789')
 WHERE search_text ~ '[٠-٩۰-۹]';
