"""The spending categories the service answers: canonical keys the window translates and rolls up.

The first 26 are the level-1 sections of the supermarket catalogue the model is trained on
(`../shared/categories/catalog.csv`), spelled exactly as there. The last four cover tickets that are
not supermarket tickets; their keys follow the same Spanish style.
"""

from __future__ import annotations

CATALOGUE_SECTIONS: tuple[str, ...] = (
    "Aceite, especias y salsas",
    "Agua y refrescos",
    "Aperitivos",
    "Arroz, legumbres y pasta",
    "Azúcar, caramelos y chocolate",
    "Bebé",
    "Bodega",
    "Cacao, café e infusiones",
    "Carne",
    "Cereales y galletas",
    "Charcutería y quesos",
    "Congelados",
    "Conservas, caldos y cremas",
    "Cuidado del cabello",
    "Cuidado facial y corporal",
    "Fitoterapia y parafarmacia",
    "Fruta y verdura",
    "Huevos, leche y mantequilla",
    "Limpieza y hogar",
    "Maquillaje",
    "Marisco y pescado",
    "Mascotas",
    "Panadería y pastelería",
    "Pizzas y platos preparados",
    "Postres y yogures",
    "Zumos",
)

FUEL = "Combustible"
RESTAURANT = "Restaurante y cafetería"
PHARMACY = "Farmacia"
OTHER = "Otros"
NOT_GROCERIES: tuple[str, ...] = (FUEL, RESTAURANT, PHARMACY, OTHER)

CATEGORIES: tuple[str, ...] = CATALOGUE_SECTIONS + NOT_GROCERIES
