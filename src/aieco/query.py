"""Queries: :class:`Query`, an immutable, chainable collection of records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    from aieco.dataset import Dataset

__all__ = ["Query"]

T = TypeVar("T")


class Query(Generic[T]):
    """An immutable, chainable collection of records of one type."""

    __slots__ = ("_dataset", "_description", "_items", "_type")

    def __init__(
        self,
        items: Iterable[T],
        item_type: type[T] | None = None,
        *,
        dataset: Dataset | None = None,
        description: str = "",
    ) -> None:
        self._items: tuple[T, ...] = tuple(items)
        if item_type is None:
            if not self._items:
                raise TypeError("an empty Query needs its item_type")
            item_type = type(self._items[0])
        self._type: type[T] = item_type
        self._dataset = dataset
        self._description = description

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Query[T]: ...
    def __getitem__(self, index: int | slice) -> T | Query[T]:
        if isinstance(index, slice):
            return Query(self._items[index], self._type, dataset=self._dataset)
        return self._items[index]

    def __repr__(self) -> str:
        return f"<Query of {len(self)} {self._type.__name__}>"

    def _with(self, items: Iterable[Any], description: str) -> Query[T]:
        return Query(items, self._type, dataset=self._dataset, description=description)
