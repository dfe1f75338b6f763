import { categories, categoryInfo, type Category } from '../catalog/category';
import type { Settings } from './schema';

interface CategoryTogglesProps {
  legend: string;
  value: Settings['categories'];
  onToggle(category: Category, on: boolean): void;
}

/** One checkbox per kind of entity; shared by the popup and the options page. */
export function CategoryToggles({ legend, value, onToggle }: CategoryTogglesProps) {
  return (
    <fieldset class="categories">
      <legend>{legend}</legend>
      {categories.map((category) => (
        <label class="check" key={category} data-category={category}>
          <input
            type="checkbox"
            name="category"
            value={category}
            checked={value[category]}
            onChange={(e) => onToggle(category, e.currentTarget.checked)}
          />
          {categoryInfo[category].plural}
        </label>
      ))}
    </fieldset>
  );
}
